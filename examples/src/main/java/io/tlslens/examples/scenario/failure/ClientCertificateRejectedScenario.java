package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.pki.InsistentKeyManager;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * Produces error.type {@code bad_client_certificate}: the client presents a certificate issued by a CA
 * the server does not trust (an {@link InsistentKeyManager}: the JDK's own would send nothing, since the
 * server's CertificateRequest names only the CAs it trusts).
 */
public final class ClientCertificateRejectedScenario extends SocketPairScenario {
    public ClientCertificateRejectedScenario() {
        super("client-certificate-rejected",
                "server needs client auth; the client presents a certificate from a CA the server does not trust",
                Expectation.failure(ErrorType.BAD_CLIENT_CERTIFICATE, Side.SERVER, SSLHandshakeException.class));
    }

    @Override
    protected SSLContext clientContext(Pki pki) throws GeneralSecurityException {
        KeyManager insistent = new InsistentKeyManager(pki.unknownCaClient());
        return SslContexts.create(new KeyManager[] {insistent}, pki.trustManagers());
    }

    @Override
    protected void configureServer(SSLSocket socket) {
        socket.setNeedClientAuth(true);
    }
}
