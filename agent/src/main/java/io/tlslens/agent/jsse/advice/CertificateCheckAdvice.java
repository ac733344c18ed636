package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code CertificateMessage$T13CertificateConsumer/T12CertificateConsumer.checkServerCerts} and
 * {@code checkClientCerts}: where SunJSSE hands the peer's chain to the application's trust
 * manager. Their duration is the time the handshake spent validating certificates.
 */
public final class CertificateCheckAdvice {

    private CertificateCheckAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        long startNanos = System.nanoTime();
        JsseTap tap = Taps.jsse;
        if (tap != null) {
            tap.certificateCheckStarted(startNanos);
        }
        return startNanos;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long startNanos,
                     @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object handshakeContext) {
        JsseTap tap = Taps.jsse;
        if (tap != null && startNanos != 0) {
            tap.certificatesChecked(handshakeContext, startNanos);
        }
    }
}
