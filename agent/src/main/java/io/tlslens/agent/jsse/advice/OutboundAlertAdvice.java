package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import net.bytebuddy.asm.Advice;

/** H4a: {@code OutputRecord.encodeAlert(byte, byte)}. */
public final class OutboundAlertAdvice {

    private OutboundAlertAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object outputRecord,
                      @Advice.Argument(0) byte level,
                      @Advice.Argument(1) byte description) {
        JsseTap tap = Taps.jsse;
        if (tap != null) {
            tap.sentAlert(outputRecord, level, description);
        }
    }
}
