package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/** Produces error.type {@code no_common_cipher_suite}: TLS 1.3, each side enables one different suite. */
public final class NoCommonCipherSuiteScenario extends SocketPairScenario {
    public NoCommonCipherSuiteScenario() {
        super("no-common-cipher-suite",
                "TLS 1.3 client enables only TLS_AES_128_GCM_SHA256, the server only TLS_AES_256_GCM_SHA384",
                Expectation.failure(ErrorType.NO_COMMON_CIPHER_SUITE, Side.SERVER, SSLHandshakeException.class));
    }

    @Override
    protected void configureServer(SSLSocket socket) {
        socket.setEnabledCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384"});
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, Params.protocols("TLSv1.3"));
        socket.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
    }
}
