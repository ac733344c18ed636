package io.tlslens.interop;

import io.tlslens.examples.pki.Credential;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * The JSSE providers the tests run in this JVM. Each is passed to {@code SSLContext.getInstance}
 * explicitly; none is installed in {@code java.security}, so the JVM's defaults stay SunJSSE's.
 */
enum JsseStack {
    SUN_JSSE("SunJSSE") {
        @Override
        Provider provider() {
            return Security.getProvider("SunJSSE");
        }

        @Override
        void restrictGroups(SSLSocket socket, List<String> groups) {
            // SSLParameters.setNamedGroups is JDK 20+; before it SunJSSE reads jdk.tls.namedGroups, once per JVM.
            throw new UnsupportedOperationException("SunJSSE cannot restrict named groups per connection here");
        }
    },

    /** Bouncy Castle's JSSE on Bouncy Castle's JCA provider, as an application bundling both would run it. */
    BC_JSSE("BCJSSE") {
        private final Provider provider = new BouncyCastleJsseProvider(new BouncyCastleProvider());

        @Override
        Provider provider() {
            return provider;
        }

        @Override
        KeyManager[] keyManagers(Credential credential) throws Exception {
            // BCJSSE cannot select credentials from the JDK's SunX509 key manager; its own PKIX one it can.
            KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX", provider);
            factory.init(credential.keyStore(), Credential.PASSWORD);
            return factory.getKeyManagers();
        }

        @Override
        void restrictGroups(SSLSocket socket, List<String> groups) {
            BCSSLSocket bcSocket = (BCSSLSocket) socket;
            BCSSLParameters parameters = bcSocket.getParameters();
            parameters.setNamedGroups(groups.toArray(new String[0]));
            bcSocket.setParameters(parameters);
        }
    };

    private final String displayName;

    JsseStack(String displayName) {
        this.displayName = displayName;
    }

    abstract Provider provider();

    /** Allows only {@code groups} (RFC 8446 names) on this socket, in that order, before its handshake. */
    abstract void restrictGroups(SSLSocket socket, List<String> groups);

    /** Key managers for {@code credential}, as an application using this provider would make them. */
    KeyManager[] keyManagers(Credential credential) throws Exception {
        return credential.keyManagers();
    }

    SSLContext context(Settings settings) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS", provider());
        context.init(settings.credential() == null ? null : keyManagers(settings.credential()),
                settings.pki().trustManagers(), null);
        return context;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
