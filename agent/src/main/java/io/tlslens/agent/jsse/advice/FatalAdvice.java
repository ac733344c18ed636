package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * H6: {@code TransportContext.fatal(Alert, String, boolean, Throwable)}, which the shorter
 * overloads delegate to. Only the first call of a connection is the failure (later calls rethrow
 * it, and {@code closeReason} is set by then). Reported on exit, after the alert went out, so that
 * the sent alert belongs to the failed handshake.
 */
public final class FatalAdvice {

    private FatalAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.FieldValue(value = "closeReason", typing = Assigner.Typing.DYNAMIC) Object closeReason) {
        return closeReason == null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean first,
                     @Advice.This Object transportContext,
                     @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object alert,
                     @Advice.Argument(1) String diagnostic,
                     @Advice.Argument(2) boolean receivedFromPeer,
                     @Advice.Argument(3) Throwable cause) {
        JsseTap tap = Taps.jsse;
        if (tap != null && first) {
            tap.fatal(transportContext, alert, diagnostic, receivedFromPeer, cause);
        }
    }
}
