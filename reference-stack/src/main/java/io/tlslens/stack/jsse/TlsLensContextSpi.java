package io.tlslens.stack.jsse;

import io.tlslens.stack.InMemorySessionStore;
import io.tlslens.stack.crypto.BcTlsCrypto;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * An SSLContext of the reference stack: its key and trust managers (the first X.509 ones given; the
 * JDK's default trust manager when none is), its session contexts, and the engines and sockets it
 * creates.
 */
class TlsLensContextSpi extends SSLContextSpi {
    private final TlsLensSessionContext clientSessions = new TlsLensSessionContext(new InMemorySessionStore());
    private final TlsLensSessionContext serverSessions = new TlsLensSessionContext(new InMemorySessionStore());
    private final DefaultProtocols defaultProtocols;
    private volatile ContextData data;

    TlsLensContextSpi(DefaultProtocols defaultProtocols) {
        this.defaultProtocols = defaultProtocols;
    }

    @Override
    protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
            throws KeyManagementException {
        data = new ContextData(keyManager(keyManagers), trustManager(trustManagers),
                random == null ? new BcTlsCrypto() : new BcTlsCrypto(random), clientSessions, serverSessions,
                defaultProtocols);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        return new TlsLensSocketFactory(data());
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        return new TlsLensServerSocketFactory(data());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return new TlsLensEngine(data(), null, -1);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return new TlsLensEngine(data(), host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return serverSessions;
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return clientSessions;
    }

    /**
     * A client's defaults, as SunJSSE's (HttpClient takes its protocols from them, so
     * {@code jdk.tls.client.protocols} reaches it).
     */
    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return new ConnectionParameters(true, defaultProtocols).toSSLParameters();
    }

    /** Everything the core implements, whatever the {@code jdk.tls.*} properties pin. */
    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        ConnectionParameters all = new ConnectionParameters(true, defaultProtocols);
        all.setProtocols(JsseNames.PROTOCOLS.supported());
        all.setCipherSuites(JsseNames.CIPHER_SUITES.supported());
        return all.toSSLParameters();
    }

    private ContextData data() {
        ContextData initialised = data;
        if (initialised == null) {
            throw new IllegalStateException("SSLContext is not initialized");
        }
        return initialised;
    }

    private static X509ExtendedKeyManager keyManager(KeyManager[] keyManagers) {
        if (keyManagers != null) {
            for (KeyManager km : keyManagers) {
                if (km instanceof X509KeyManager) {
                    return ExtendedKeyManager.of((X509KeyManager) km);
                }
            }
        }
        return null;
    }

    private static X509ExtendedTrustManager trustManager(TrustManager[] trustManagers)
            throws KeyManagementException {
        TrustManager[] candidates = trustManagers != null ? trustManagers : defaultTrustManagers();
        for (TrustManager tm : candidates) {
            if (tm instanceof X509TrustManager) {
                return IdentifyingTrustManager.of((X509TrustManager) tm);
            }
        }
        throw new KeyManagementException("No X509TrustManager among the trust managers");
    }

    /** The JDK's default trust managers: {@code javax.net.ssl.trustStore*} properties, else cacerts. */
    static TrustManager[] defaultTrustManagers() throws KeyManagementException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return factory.getTrustManagers();
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new KeyManagementException("Cannot load the default trust managers", e);
        }
    }
}
