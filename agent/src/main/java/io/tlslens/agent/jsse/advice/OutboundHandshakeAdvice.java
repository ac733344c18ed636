package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import net.bytebuddy.asm.Advice;

/**
 * H4: {@code OutputRecord.encodeHandshake(byte[], int, int)} on each concrete output record. One
 * call is one whole message, before the record layer splits, coalesces or encrypts it.
 */
public final class OutboundHandshakeAdvice {

    private OutboundHandshakeAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object outputRecord,
                      @Advice.Argument(0) byte[] message,
                      @Advice.Argument(1) int offset,
                      @Advice.Argument(2) int length) {
        JsseTap tap = Taps.jsse;
        if (tap != null) {
            tap.sentHandshake(outputRecord, message, offset, length);
        }
    }
}
