package io.tlslens.stack.tls13;

import io.tlslens.stack.crypto.HashFunction;
import io.tlslens.wire.HandshakeMessage;
import java.io.ByteArrayOutputStream;

/**
 * The running transcript hash of one handshake (RFC 8446 §4.4.1): the hash of every handshake
 * message so far, each with its 4-byte header. A client does not know the hash until the server
 * has picked the cipher suite, so the transcript buffers the messages until {@link #useHash} is
 * called. Not thread-safe: one per connection.
 */
public final class Transcript {
    /** HandshakeType {@code message_hash} (RFC 8446 §4.4.1). */
    static final int MESSAGE_HASH = 254;

    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private HashFunction hash;
    private HashFunction.RunningHash running;

    /** A transcript whose hash is not known yet: messages are buffered until {@link #useHash}. */
    public Transcript() {
    }

    /** A transcript that hashes with {@code hash} from the start. */
    public Transcript(HashFunction hash) {
        useHash(hash);
    }

    /**
     * Fixes the hash, once the cipher suite is known, and hashes what was buffered. Calling it again
     * with the same hash (e.g. after a HelloRetryRequest and again at the ServerHello) is harmless.
     *
     * @throws IllegalStateException if a different hash was fixed before
     */
    public void useHash(HashFunction hash) {
        if (this.hash != null) {
            if (!this.hash.name().equals(hash.name())) {
                throw new IllegalStateException("transcript already uses " + this.hash.name() + ", not " + hash.name());
            }
            return;
        }
        this.hash = hash;
        running = hash.start();
        running.update(pending.toByteArray());
        pending = null;
    }

    /** Adds a handshake message, encoded with its header. */
    public void add(HandshakeMessage message) {
        add(message.encode());
    }

    /** Adds the bytes of a handshake message as they were on the wire: msg_type, length, body. */
    public void add(byte[] messageWithHeader) {
        if (running != null) {
            running.update(messageWithHeader);
        } else {
            pending.write(messageWithHeader, 0, messageWithHeader.length);
        }
    }

    /** {@code Transcript-Hash} of every message added so far. */
    public byte[] currentHash() {
        return requireHash().current();
    }

    /**
     * RFC 8446 §4.4.1: when the server answers ClientHello1 with a HelloRetryRequest, ClientHello1 is
     * replaced by the synthetic {@code message_hash} message, {@code 0xfe 00 00 Hash.length
     * Hash(ClientHello1)}. Call it after {@link #useHash} with the HelloRetryRequest's suite, when
     * the transcript holds ClientHello1 only, and before adding the HelloRetryRequest.
     */
    public void replaceClientHelloWithMessageHash() {
        byte[] clientHello1Hash = requireHash().current();
        running = hash.start();
        running.update(new byte[] {(byte) MESSAGE_HASH, 0, 0, (byte) clientHello1Hash.length});
        running.update(clientHello1Hash);
    }

    /**
     * The hash of the transcript so far followed by {@code truncatedClientHello}, without adding it:
     * what a PSK binder signs (RFC 8446 §4.2.11.2). {@code hash} is the PSK's hash, which need not
     * be the transcript's yet; if the transcript's hash is fixed, it must be the same.
     */
    public byte[] hashWithPartialClientHello(HashFunction hash, byte[] truncatedClientHello) {
        HashFunction.RunningHash partial;
        if (running != null) {
            if (!this.hash.name().equals(hash.name())) {
                throw new IllegalStateException("transcript uses " + this.hash.name() + ", PSK uses " + hash.name());
            }
            partial = running.copy();
        } else {
            partial = hash.start();
            partial.update(pending.toByteArray());
        }
        partial.update(truncatedClientHello);
        return partial.current();
    }

    private HashFunction.RunningHash requireHash() {
        if (running == null) {
            throw new IllegalStateException("the transcript hash is not known before the cipher suite");
        }
        return running;
    }
}
