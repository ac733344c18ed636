package io.tlslens.examples.pki;

import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** SSLContexts of the JVM's default provider (SunJSSE), as an application would make them. */
public final class SslContexts {
    private SslContexts() {
    }

    /**
     * @param keys  what this side presents, or null to present nothing
     * @param trust whose certificates this side accepts, or null for the JDK's default trust (cacerts)
     */
    public static SSLContext create(KeyManager[] keys, TrustManager[] trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust, null);
        return context;
    }

    /** Presents {@code credential} (null for nothing) and trusts peers whose chain leads to the PKI's root. */
    public static SSLContext create(Pki pki, Credential credential) throws GeneralSecurityException {
        return create(credential == null ? null : credential.keyManagers(), pki.trustManagers());
    }
}
