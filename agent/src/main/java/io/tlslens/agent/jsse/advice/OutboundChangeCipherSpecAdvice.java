package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import net.bytebuddy.asm.Advice;

/** H4b: {@code OutputRecord.encodeChangeCipherSpec()}. */
public final class OutboundChangeCipherSpecAdvice {

    private OutboundChangeCipherSpecAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object outputRecord) {
        JsseTap tap = Taps.jsse;
        if (tap != null) {
            tap.sentChangeCipherSpec(outputRecord);
        }
    }
}
