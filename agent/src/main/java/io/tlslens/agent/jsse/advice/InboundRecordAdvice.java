package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * H3: {@code TransportContext.dispatch(Plaintext)}. Every decrypted non-application record passes
 * here with its handshake header still in place; application data never does.
 */
public final class InboundRecordAdvice {

    private InboundRecordAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object transportContext,
                      @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object plaintext) {
        JsseTap tap = Taps.jsse;
        if (tap != null) {
            tap.received(transportContext, plaintext);
        }
    }
}
