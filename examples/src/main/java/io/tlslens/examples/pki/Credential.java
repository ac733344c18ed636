package io.tlslens.examples.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * A private key with the certificate chain a peer presents for it: the leaf first, then the intermediates
 * (never the root: a peer that sends its trust anchor gains nothing, and real servers do not).
 */
public final class Credential {
    /** Password of the in-memory and written key stores; they protect nothing, the keys are throw-away. */
    public static final char[] PASSWORD = "changeit".toCharArray();

    private final String name;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    public Credential(String name, PrivateKey privateKey, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least its own certificate");
        }
        this.name = name;
        this.privateKey = privateKey;
        this.chain = Collections.unmodifiableList(new ArrayList<>(chain));
    }

    public String name() {
        return name;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** The same key and certificate presented with another chain (e.g. without its intermediate). */
    public Credential withChain(String newName, List<X509Certificate> newChain) {
        return new Credential(newName, privateKey, newChain);
    }

    /** A PKCS#12 key store holding this credential under its name, protected by {@link #PASSWORD}. */
    public KeyStore keyStore() throws GeneralSecurityException {
        KeyStore store = emptyPkcs12();
        store.setKeyEntry(name, privateKey, PASSWORD, chain.toArray(new Certificate[0]));
        return store;
    }

    /** Key managers of the JVM's default algorithm, as an application would build them. */
    public KeyManager[] keyManagers() throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore(), PASSWORD);
        return factory.getKeyManagers();
    }

    /**
     * Writes {@code NAME.pem} (the certificate), {@code NAME-chain.pem} (certificate and intermediates, for
     * {@code openssl s_server -cert_chain} or nginx), {@code NAME-key.pem} (PKCS#8) and {@code NAME.p12}.
     */
    public void writeTo(Path directory) throws IOException, GeneralSecurityException {
        write(directory.resolve(name + ".pem"), Pem.certificates(chain.subList(0, 1)));
        write(directory.resolve(name + "-chain.pem"), Pem.certificates(chain));
        write(directory.resolve(name + "-key.pem"), Pem.privateKey(privateKey));
        try (var out = Files.newOutputStream(directory.resolve(name + ".p12"))) {
            keyStore().store(out, PASSWORD);
        }
    }

    static KeyStore emptyPkcs12() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("an empty key store cannot fail to load", e);
        }
        return store;
    }

    static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return name + " (" + certificate().getSubjectX500Principal() + ")";
    }
}
