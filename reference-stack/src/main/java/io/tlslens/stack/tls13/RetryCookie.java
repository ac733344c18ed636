package io.tlslens.stack.tls13;

import io.tlslens.stack.crypto.HashFunction;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.WireReader;
import io.tlslens.wire.WireWriter;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cookie of a HelloRetryRequest (RFC 8446 §4.2.2): what the server needs to continue from the
 * second ClientHello without having kept the first — the suite, the group it asked for and
 * Hash(ClientHello1) — with an HMAC-SHA256 so that a client cannot forge it.
 */
final class RetryCookie {
    private static final int MAC_LENGTH = 32;

    final int cipherSuite;
    final int group;
    final byte[] clientHelloHash;

    RetryCookie(int cipherSuite, int group, byte[] clientHelloHash) {
        this.cipherSuite = cipherSuite;
        this.group = group;
        this.clientHelloHash = clientHelloHash.clone();
    }

    byte[] seal(HashFunction sha256, byte[] key) {
        byte[] content = new WireWriter().u16(cipherSuite).u16(group).opaque(1, clientHelloHash).toByteArray();
        byte[] mac = sha256.hmac(key, content);
        byte[] cookie = Arrays.copyOf(content, content.length + mac.length);
        System.arraycopy(mac, 0, cookie, content.length, mac.length);
        return cookie;
    }

    /** The cookie's content; empty when its MAC does not verify under {@code key}. */
    static Optional<RetryCookie> open(HashFunction sha256, byte[] key, byte[] cookie) {
        if (cookie.length <= MAC_LENGTH) {
            return Optional.empty();
        }
        byte[] content = Arrays.copyOf(cookie, cookie.length - MAC_LENGTH);
        byte[] mac = Arrays.copyOfRange(cookie, content.length, cookie.length);
        if (!MessageDigest.isEqual(mac, sha256.hmac(key, content))) {
            return Optional.empty();
        }
        try {
            WireReader r = new WireReader(content);
            RetryCookie opened = new RetryCookie(r.u16("cipher_suite"), r.u16("group"), r.opaque(1, "client_hello_hash"));
            r.expectEnd();
            return Optional.of(opened);
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }
}
