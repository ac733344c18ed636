package io.tlslens.interop;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumMap;
import java.util.Map;

/**
 * One PKI per key type for the whole test run (RSA key generation is slow), each also written as PEM
 * files for openssl under {@code target/interop/pki/LABEL/}.
 */
final class Pkis {
    private static final Map<KeyType, Pki> PKIS = new EnumMap<>(KeyType.class);

    private Pkis() {
    }

    static synchronized Pki of(KeyType keyType) throws Exception {
        Pki pki = PKIS.get(keyType);
        if (pki == null) {
            pki = new Pki(keyType);
            pki.writeTo(directory(pki));
            PKIS.put(keyType, pki);
        }
        return pki;
    }

    /** Where the PKI's PEM files are: {@code server.pem}, {@code server-key.pem}, {@code root-ca.pem}, ... */
    static Path directory(Pki pki) {
        return workDirectory().resolve("pki").resolve(pki.keyType().label());
    }

    /** {@code target/interop}: files the tests leave for a look after a failure (PKI, key logs, captures). */
    static Path workDirectory() {
        return Paths.get(System.getProperty("tlslens.interop.dir", "target/interop")).toAbsolutePath();
    }
}
