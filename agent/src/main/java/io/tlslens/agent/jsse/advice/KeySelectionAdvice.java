package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code X509Authentication.createPossession(HandshakeContext, String[])}: where SunJSSE asks the
 * application's key manager for this side's certificate ({@code chooseServerAlias},
 * {@code chooseClientAlias} or their engine forms, then {@code getPrivateKey} and
 * {@code getCertificateChain}). Its duration is the time the handshake spent choosing a key.
 */
public final class KeySelectionAdvice {

    private KeySelectionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long startNanos,
                     @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object handshakeContext) {
        JsseTap tap = Taps.jsse;
        if (tap != null && startNanos != 0) {
            tap.keySelected(handshakeContext, startNanos);
        }
    }
}
