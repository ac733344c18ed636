package io.tlslens.agent.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The two digests the fingerprints are published as, over the fingerprint string's bytes, in lowercase hex. */
final class Digests {
    private Digests() {
    }

    /** JA3 is "MD5 hashed to produce ... [a] 32 character fingerprint" (salesforce/ja3 README). */
    static String md5(String text) {
        return digest("MD5", text);
    }

    /** JA4's hashes are SHA-256, which "must output in lower case" (JA4.md, Details). */
    static String sha256(String text) {
        return digest("SHA-256", text);
    }

    private static String digest(String algorithm, String text) {
        try {
            // A new instance per call: MessageDigest is not thread-safe, and fingerprints are taken on
            // whichever application thread finished the handshake.
            return Hex.of(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5 and SHA-256 (MessageDigest's class documentation).
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
