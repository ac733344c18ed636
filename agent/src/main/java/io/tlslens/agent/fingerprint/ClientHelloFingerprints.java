package io.tlslens.agent.fingerprint;

import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.EcPointFormatsExtension;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ClientHello's JA3 hash and JA4, computed once per kind of hello. A client library sends the same
 * offer on every connection, and each span of its handshakes (both sides', when both run in this
 * JVM) carries both fingerprints, while computing them (joining, sorting, hashing) costs more than
 * comparing the few lists they are made of.
 */
public final class ClientHelloFingerprints {

    private static final int CAPACITY = 256;
    /**
     * Hellos with more codes than this are fingerprinted without being kept: real clients offer about
     * a hundred, and a hostile one sending tens of thousands must not make the cache hold megabytes.
     */
    static final int MAX_CACHED_CODES = 512;
    private static final Map<List<Object>, ClientHelloFingerprints> CACHE =
            new LinkedHashMap<>(CAPACITY, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, ClientHelloFingerprints> eldest) {
                    return size() > CAPACITY;
                }
            };

    private final String ja3Hash;
    private final String ja4;

    private ClientHelloFingerprints(ClientHello hello) {
        String md5;
        try {
            md5 = Ja3.hash(hello);
        } catch (IllegalStateException noMd5) {
            md5 = null; // a FIPS JDK without MD5: JA3 is left out, JA4 (SHA-256) stays
        }
        ja3Hash = md5;
        ja4 = Ja4.of(hello, false);
    }

    /** The fingerprints of a hello received or sent over TLS records (JA4's "t"). */
    public static ClientHelloFingerprints of(ClientHello hello) {
        List<Object> key = key(hello);
        if (codes(key) > MAX_CACHED_CODES) {
            return new ClientHelloFingerprints(hello);
        }
        synchronized (CACHE) {
            ClientHelloFingerprints fingerprints = CACHE.get(key);
            if (fingerprints == null) {
                fingerprints = new ClientHelloFingerprints(hello);
                CACHE.put(key, fingerprints);
            }
            return fingerprints;
        }
    }

    private static int codes(List<Object> key) {
        int codes = 0;
        for (Object part : key) {
            codes += part instanceof List ? ((List<?>) part).size() : 1;
        }
        return codes;
    }

    /** {@code tls.client.ja3}, or {@code null} when this JDK has no MD5. */
    public String ja3Hash() {
        return ja3Hash;
    }

    /** {@code tlslens.client.ja4}. */
    public String ja4() {
        return ja4;
    }

    /**
     * Everything of the hello that either fingerprint reads, and nothing else: two hellos with equal
     * keys have equal fingerprints. What changes on every connection is left out: the random, the
     * session id, the key shares, and GREASE values, which neither fingerprint reads.
     */
    private static List<Object> key(ClientHello hello) {
        List<ByteBuffer> alpn = new ArrayList<>();
        hello.extension(AlpnExtension.class).ifPresent(extension -> {
            for (byte[] name : extension.protocolNames()) {
                alpn.add(ByteBuffer.wrap(name));
            }
        });
        return List.of(
                hello.legacyVersion(),
                Codes.withoutGrease(hello.cipherSuites()),
                Codes.extensionTypes(hello),
                Codes.withoutGrease(hello.supportedGroups()),
                hello.extension(EcPointFormatsExtension.class).map(EcPointFormatsExtension::formats).orElse(List.of()),
                Codes.withoutGrease(hello.supportedVersions()),
                Codes.withoutGrease(hello.signatureAlgorithms()),
                alpn);
    }
}
