package io.tlslens.stack.tls12;

import io.tlslens.stack.crypto.HashFunction;
import java.io.ByteArrayOutputStream;

/**
 * {@code handshake_messages} (RFC 5246 §7.4.8): every handshake message so far, with its header,
 * as sent or received. TLS 1.2 needs the bytes themselves, not only a running hash: a
 * CertificateVerify signs them with the hash of its signature scheme, which need not be the PRF's.
 */
final class HandshakeMessages {
    private final ByteArrayOutputStream messages = new ByteArrayOutputStream();

    void add(byte[] messageWithHeader) {
        messages.write(messageWithHeader, 0, messageWithHeader.length);
    }

    byte[] bytes() {
        return messages.toByteArray();
    }

    /** {@code Hash(handshake_messages)}: the Finished input, and after ClientKeyExchange the session_hash of RFC 7627. */
    byte[] hash(HashFunction hash) {
        return hash.digest(messages.toByteArray());
    }
}
