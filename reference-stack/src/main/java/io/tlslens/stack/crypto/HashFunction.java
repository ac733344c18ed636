package io.tlslens.stack.crypto;

/** A hash with its HMAC, as HKDF (RFC 5869) and the TLS 1.2 PRF use them. */
public interface HashFunction {

    /** {@code SHA-256} or {@code SHA-384}. */
    String name();

    /** Output length in bytes. */
    int length();

    byte[] digest(byte[] data);

    byte[] hmac(byte[] key, byte[] data);

    /** A running hash over the handshake transcript, which can report its value at any point. */
    RunningHash start();

    /** A running hash; not thread-safe. */
    interface RunningHash {
        void update(byte[] data);

        /** The hash of everything so far; the running hash goes on. */
        byte[] current();

        /**
         * An independent running hash in the same state, so that a caller can hash "everything so
         * far plus a little more" (a PSK binder's truncated ClientHello) without changing this one.
         */
        RunningHash copy();
    }
}
