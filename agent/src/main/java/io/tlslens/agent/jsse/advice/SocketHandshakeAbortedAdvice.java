package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code SSLSocketImpl.startHandshake()}: a socket timeout is rethrown without {@code fatal}, so
 * the handshake would otherwise never end in the record.
 */
public final class SocketHandshakeAbortedAdvice {

    private SocketHandshakeAbortedAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.FieldValue(value = "conContext", typing = Assigner.Typing.DYNAMIC) Object transportContext,
                     @Advice.Thrown Throwable thrown) {
        JsseTap tap = Taps.jsse;
        if (tap != null && thrown != null) {
            tap.handshakeAborted(transportContext, thrown);
        }
    }
}
