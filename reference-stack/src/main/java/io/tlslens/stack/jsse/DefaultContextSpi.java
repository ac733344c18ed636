package io.tlslens.stack.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;

/**
 * {@code SSLContext.getInstance("Default")}: initialised on creation like SunJSSE's, with key
 * managers from the {@code javax.net.ssl.keyStore*} system properties (none when unset) and the
 * default trust managers; it refuses {@code init}.
 */
final class DefaultContextSpi extends TlsLensContextSpi {

    DefaultContextSpi() {
        super(DefaultProtocols.CONFIGURABLE);
        try {
            super.engineInit(defaultKeyManagers(), defaultTrustManagers(), null);
        } catch (KeyManagementException e) {
            throw new IllegalStateException("Cannot initialise the default SSLContext", e);
        }
    }

    @Override
    protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
            throws KeyManagementException {
        throw new KeyManagementException("Default SSLContext is initialized automatically");
    }

    private static KeyManager[] defaultKeyManagers() throws KeyManagementException {
        String file = System.getProperty("javax.net.ssl.keyStore", "");
        if (file.isEmpty() || "NONE".equals(file)) {
            return null;
        }
        String type = System.getProperty("javax.net.ssl.keyStoreType", KeyStore.getDefaultType());
        String provider = System.getProperty("javax.net.ssl.keyStoreProvider", "");
        char[] password = System.getProperty("javax.net.ssl.keyStorePassword", "").toCharArray();
        try (InputStream in = Files.newInputStream(Paths.get(file))) {
            KeyStore keyStore = provider.isEmpty() ? KeyStore.getInstance(type) : KeyStore.getInstance(type, provider);
            keyStore.load(in, password);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore, password);
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyManagementException("Cannot load the key store named by javax.net.ssl.keyStore", e);
        }
    }
}
