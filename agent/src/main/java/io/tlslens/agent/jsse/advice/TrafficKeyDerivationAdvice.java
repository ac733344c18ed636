package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import javax.crypto.SecretKey;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * H7: {@code SSLTrafficKeyDerivation.createKeyDerivation(HandshakeContext, SecretKey)}, the one
 * place every secret the key log needs passes through — the TLS 1.2 master secret (full and
 * abbreviated handshakes, both sides) and each TLS 1.3 traffic secret. Woven only with
 * {@code keylog} set.
 */
public final class TrafficKeyDerivationAdvice {

    private TrafficKeyDerivationAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object derivation,
                      @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object handshakeContext,
                      @Advice.Argument(1) SecretKey secret) {
        JsseTap tap = Taps.jsse;
        if (tap != null) {
            tap.trafficKeyDerivation(derivation, handshakeContext, secret);
        }
    }
}
