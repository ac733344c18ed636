package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import net.bytebuddy.asm.Advice;

/**
 * H5: {@code TransportContext.finishHandshake()} and {@code finishPostHandshake()}. At entry the
 * negotiated session is already in {@code conSession}.
 */
public final class HandshakeFinishedAdvice {

    private HandshakeFinishedAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object transportContext) {
        JsseTap tap = Taps.jsse;
        if (tap != null) {
            tap.finished(transportContext);
        }
    }
}
