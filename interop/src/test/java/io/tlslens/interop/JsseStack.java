package io.tlslens.interop;

import io.tlslens.examples.pki.Credential;
import io.tlslens.stack.jsse.TlsLensProvider;
import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
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

        /** A resumed SunJSSE session keeps the creation time of the session it resumes (it gets a new id). */
        @Override
        Boolean resumed(SSLSession session, SSLSession previous) {
            return previous != null && session.getCreationTime() == previous.getCreationTime();
        }

        /**
         * SunJSSE has no API for it, only system properties that each new context reads (into its session
         * contexts) when it is made: set for that moment, and put back. The tests make contexts on one thread.
         */
        @Override
        SSLContext contextWithoutSessionTickets() throws Exception {
            List<String> properties = List.of("jdk.tls.client.enableSessionTicketExtension",
                    "jdk.tls.server.enableSessionTicketExtension");
            Map<String, String> saved = new HashMap<>();
            for (String property : properties) {
                saved.put(property, System.setProperty(property, "false"));
            }
            try {
                return SSLContext.getInstance("TLS", provider());
            } finally {
                saved.forEach((property, value) -> {
                    if (value == null) {
                        System.clearProperty(property);
                    } else {
                        System.setProperty(property, value);
                    }
                });
            }
        }
    },

    /** The reference stack: the system under test. */
    TLSLENS("TLSLens") {
        private final Provider provider = new TlsLensProvider();

        @Override
        Provider provider() {
            return provider;
        }
    },

    /** Bouncy Castle's JSSE on Bouncy Castle's JCA provider, as an application bundling both would run it. */
    BC_JSSE("BCJSSE") {
        /** Whatever the tests' CAs sign certificates with. */
        private final String[] certificateSignatureSchemes = {"ecdsa_secp256r1_sha256", "ecdsa_secp384r1_sha384",
                "ed25519", "rsa_pss_rsae_sha256", "rsa_pss_pss_sha256", "rsa_pkcs1_sha256"};
        private final Provider crypto = new BouncyCastleProvider();
        private final Provider provider = new BouncyCastleJsseProvider(crypto);

        @Override
        Provider provider() {
            return provider;
        }

        /** BCJSSE 1.82 implements no session tickets: it resumes TLS 1.2 by session ID only. */
        @Override
        SSLContext contextWithoutSessionTickets() throws Exception {
            return SSLContext.getInstance("TLS", provider);
        }

        /** BCJSSE resumes (TLS 1.2 only) by handing out the very session again: same id, same creation time. */
        @Override
        Boolean resumed(SSLSession session, SSLSession previous) {
            return previous != null && session.getCreationTime() == previous.getCreationTime()
                    && Arrays.equals(session.getId(), previous.getId());
        }

        @Override
        KeyManager[] keyManagers(Credential credential) throws Exception {
            // BCJSSE selects no credential from the JDK's SunX509 key manager, nor an Ed25519 one made of SunEC
            // objects: an application using it loads its key and certificates with Bouncy Castle and uses
            // BCJSSE's own PKIX key manager.
            PrivateKey key = KeyFactory.getInstance(credential.privateKey().getAlgorithm(), crypto)
                    .generatePrivate(new PKCS8EncodedKeySpec(credential.privateKey().getEncoded()));
            CertificateFactory certificates = CertificateFactory.getInstance("X.509", crypto);
            List<X509Certificate> chain = new ArrayList<>();
            for (X509Certificate certificate : credential.chain()) {
                chain.add((X509Certificate) certificates.generateCertificate(
                        new ByteArrayInputStream(certificate.getEncoded())));
            }
            // Bouncy Castle's key store too: the JDK's would decode the key into a SunEC object again.
            KeyStore store = KeyStore.getInstance("PKCS12", crypto);
            store.load(null, null);
            store.setKeyEntry(credential.name(), key, Credential.PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX", provider);
            factory.init(store, Credential.PASSWORD);
            return factory.getKeyManagers();
        }

        @Override
        void restrictGroups(SSLSocket socket, List<String> groups) {
            BCSSLSocket bcSocket = (BCSSLSocket) socket;
            BCSSLParameters parameters = bcSocket.getParameters();
            parameters.setNamedGroups(groups.toArray(new String[0]));
            bcSocket.setParameters(parameters);
        }

        @Override
        void restrictSignatureSchemes(SSLSocket socket, List<String> schemes) {
            BCSSLSocket bcSocket = (BCSSLSocket) socket;
            BCSSLParameters parameters = bcSocket.getParameters();
            // Restricted are the CertificateVerify schemes; certificates are checked with the ones BCJSSE would
            // otherwise use for both (without signature_algorithms_cert, the restriction would apply to them).
            parameters.setSignatureSchemesCert(certificateSignatureSchemes);
            parameters.setSignatureSchemes(schemes.toArray(new String[0]));
            bcSocket.setParameters(parameters);
        }
    };

    private final String displayName;

    JsseStack(String displayName) {
        this.displayName = displayName;
    }

    abstract Provider provider();

    /**
     * Allows only {@code groups} (RFC 8446 names) on this socket, in that order, before its handshake. The
     * Java 11 API this module compiles against has no such parameter (SSLParameters.setNamedGroups is JDK 20),
     * so only a provider with an API of its own can.
     */
    void restrictGroups(SSLSocket socket, List<String> groups) {
        throw new UnsupportedOperationException(this + " cannot restrict named groups per socket here");
    }

    /** Allows only {@code schemes} (RFC 8446 names) on this socket, before its handshake; as for groups. */
    void restrictSignatureSchemes(SSLSocket socket, List<String> schemes) {
        throw new UnsupportedOperationException(this + " cannot restrict signature schemes per socket here");
    }

    /**
     * Whether {@code session} resumed {@code previous} (this side's preceding session, null for the first),
     * as this provider's API shows it; null when it does not show it. TLSLens gives a resumed session the
     * time of its own handshake: for it the wire tells.
     */
    Boolean resumed(SSLSession session, SSLSession previous) {
        return null;
    }

    /** Key managers for {@code credential}, as an application using this provider would make them. */
    KeyManager[] keyManagers(Credential credential) throws Exception {
        return credential.keyManagers();
    }

    /** A context that neither sends nor accepts TLS 1.2 session tickets (RFC 5077). */
    SSLContext contextWithoutSessionTickets() throws Exception {
        throw new UnsupportedOperationException(this + " cannot be told to use no session tickets");
    }

    SSLContext context(Settings settings) throws Exception {
        SSLContext context = settings.sessionTickets() ? SSLContext.getInstance("TLS", provider())
                : contextWithoutSessionTickets();
        context.init(settings.credential() == null ? null : keyManagers(settings.credential()),
                settings.pki().trustManagers(), null);
        return context;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
