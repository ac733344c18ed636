package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.pki.InsistentKeyManager;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SlowTrustManager;
import io.tlslens.examples.pki.SslContexts;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Produces error.type {@code bad_client_certificate}: the client presents a certificate issued by a CA
 * the server does not trust (an {@link InsistentKeyManager}: the JDK's own would send nothing, since the
 * server's CertificateRequest names only the CAs it trusts).
 *
 * <p>In TLS 1.3 the client's handshake completes with its Finished, and it learns of the rejection on its
 * first read. The server's trust manager takes {@link #SERVER_CHECK} to say no: on loopback the server
 * would otherwise reject (and its JSSE close the connection) before the client has written its Finished,
 * whose write then fails on the reset connection instead; across a real network the client's flight is
 * usually all sent by then, and that is the case shown.
 */
public final class ClientCertificateRejectedScenario extends SocketPairScenario {
    public static final Duration SERVER_CHECK = Duration.ofMillis(200);

    public ClientCertificateRejectedScenario() {
        super("client-certificate-rejected",
                "server needs client auth; the client presents a certificate from a CA the server does not trust",
                Expectation.failure(ErrorType.BAD_CLIENT_CERTIFICATE, Side.SERVER, SSLHandshakeException.class));
    }

    @Override
    protected SSLContext serverContext(Pki pki) throws GeneralSecurityException {
        X509ExtendedTrustManager trust = (X509ExtendedTrustManager) pki.trustManagers()[0];
        return SslContexts.create(pki.server().keyManagers(),
                new TrustManager[] {new SlowTrustManager(trust, SERVER_CHECK)});
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
