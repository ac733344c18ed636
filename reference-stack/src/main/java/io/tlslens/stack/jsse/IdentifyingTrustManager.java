package io.tlslens.stack.jsse;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A plain {@link X509TrustManager} made extended, as SunJSSE's {@code AbstractTrustManagerWrapper}
 * does: its own checks first, then the endpoint identification the application asked for through
 * SSLParameters, which a plain trust manager cannot do.
 */
final class IdentifyingTrustManager extends X509ExtendedTrustManager {
    private final X509TrustManager trustManager;

    private IdentifyingTrustManager(X509TrustManager trustManager) {
        this.trustManager = trustManager;
    }

    static X509ExtendedTrustManager of(X509TrustManager trustManager) {
        return trustManager instanceof X509ExtendedTrustManager
                ? (X509ExtendedTrustManager) trustManager
                : new IdentifyingTrustManager(trustManager);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trustManager.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trustManager.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trustManager.getAcceptedIssuers();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        trustManager.checkClientTrusted(chain, authType);
        if (socket instanceof SSLSocket && socket.isConnected()) {
            SSLSocket ssl = (SSLSocket) socket;
            identify(chain, ssl.getHandshakeSession(), ssl.getSSLParameters(), true);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        trustManager.checkServerTrusted(chain, authType);
        if (socket instanceof SSLSocket && socket.isConnected()) {
            SSLSocket ssl = (SSLSocket) socket;
            identify(chain, ssl.getHandshakeSession(), ssl.getSSLParameters(), false);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trustManager.checkClientTrusted(chain, authType);
        if (engine != null) {
            identify(chain, engine.getHandshakeSession(), engine.getSSLParameters(), true);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trustManager.checkServerTrusted(chain, authType);
        if (engine != null) {
            identify(chain, engine.getHandshakeSession(), engine.getSSLParameters(), false);
        }
    }

    private static void identify(X509Certificate[] chain, SSLSession session, SSLParameters parameters,
            boolean checkingClient) throws CertificateException {
        if (session == null) {
            throw new CertificateException("No handshake session");
        }
        String algorithm = parameters.getEndpointIdentificationAlgorithm();
        if (algorithm != null && !algorithm.isEmpty()) {
            EndpointIdentity.check(session, chain[0], algorithm, checkingClient);
        }
    }
}
