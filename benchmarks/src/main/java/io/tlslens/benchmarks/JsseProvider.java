package io.tlslens.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * The TLS implementations the benchmarks compare: JMH's parameter {@code provider}. The constants carry the
 * providers' own names, which is what {@code -p provider=...} and the results show.
 */
public enum JsseProvider {
    /**
     * {@code SSLContext.getInstance("TLS")}, as an unmodified application asks for it: SunJSSE, unless the agent
     * has swapped the reference stack in ({@code stack=reference}), which is how that row is measured.
     */
    SunJSSE {
        @Override
        SSLContext newContext() throws GeneralSecurityException {
            return SSLContext.getInstance("TLS");
        }
    },
    /**
     * Bouncy Castle's JSSE provider, doing its crypto with Bouncy Castle's JCA provider, and with its own key and
     * trust managers, as its documentation has applications set it up (it selects no key from the JDK's key
     * manager for TLS 1.3).
     */
    BCJSSE {
        @Override
        SSLContext newContext() throws GeneralSecurityException {
            return SSLContext.getInstance("TLS", BouncyCastle.JSSE);
        }

        @Override
        KeyManagerFactory keyManagerFactory() throws GeneralSecurityException {
            return KeyManagerFactory.getInstance("PKIX", BouncyCastle.JSSE);
        }

        @Override
        TrustManagerFactory trustManagerFactory() throws GeneralSecurityException {
            return TrustManagerFactory.getInstance("PKIX", BouncyCastle.JSSE);
        }
    },
    /** The reference stack's provider, named explicitly, as an application that chose it would. */
    TLSLens {
        @Override
        SSLContext newContext() throws GeneralSecurityException {
            if (Reference.PROVIDER == null) {
                throw new IllegalStateException("the reference stack's JSSE provider (" + Reference.NAME
                        + ") is not in this build");
            }
            return SSLContext.getInstance("TLS", Reference.PROVIDER);
        }
    };

    /** A new, uninitialised context of this provider. */
    abstract SSLContext newContext() throws GeneralSecurityException;

    /** Key managers presenting the one key entry of {@code keys}, as an application using this provider makes them. */
    KeyManager[] keyManagers(KeyStore keys, char[] password) throws GeneralSecurityException {
        KeyManagerFactory factory = keyManagerFactory();
        factory.init(keys, password);
        return factory.getKeyManagers();
    }

    /** Trust managers anchored at the certificates of {@code anchors}. */
    TrustManager[] trustManagers(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = trustManagerFactory();
        factory.init(anchors);
        return factory.getTrustManagers();
    }

    /** The JDK's (SunJSSE's) unless the provider has its own. */
    KeyManagerFactory keyManagerFactory() throws GeneralSecurityException {
        return KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    }

    /** The JDK's (SunJSSE's) unless the provider has its own. */
    TrustManagerFactory trustManagerFactory() throws GeneralSecurityException {
        return TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    }

    /** Whether this JVM has the provider (the reference stack's is found through the service loader). */
    boolean isAvailable() {
        return this != TLSLens || Reference.PROVIDER != null;
    }

    /** Made on first use only, so that the other rows load no Bouncy Castle TLS classes. */
    private static final class BouncyCastle {
        /**
         * BCJSSE logs every connection at INFO through java.util.logging, whose console handler prints INFO: left
         * alone, its rows would measure the console. Held here because java.util.logging keeps loggers weakly.
         */
        private static final Logger LOG = quiet(Logger.getLogger("org.bouncycastle.jsse"));
        static final Provider JSSE = new BouncyCastleJsseProvider(new BouncyCastleProvider());

        private static Logger quiet(Logger logger) {
            logger.setLevel(Level.WARNING);
            return logger;
        }
    }

    /**
     * Looked up by name rather than compiled against: the benchmarks then run, and say what is missing, in a
     * build whose reference stack has no JSSE provider yet.
     */
    private static final class Reference {
        static final String NAME = "TLSLens";
        static final Provider PROVIDER = find();

        private static Provider find() {
            for (Provider provider : ServiceLoader.load(Provider.class)) {
                if (provider.getName().equals(NAME)) {
                    return provider;
                }
            }
            return null;
        }
    }
}
