package io.tlslens.wire;

import java.util.Arrays;

/**
 * A handshake message (RFC 8446 §4, RFC 5246 §7.4) as an immutable value. Subclasses decode their
 * body with a static {@code decode}; {@link HandshakeDecoder} picks the class and, for messages
 * whose shape depends on the negotiated version or key exchange, the shape. Equality is equality
 * of class and encoding.
 */
public abstract class HandshakeMessage {
    /** The largest body a 3-byte length can announce. */
    static final int MAX_BODY_LENGTH = (1 << 24) - 1;

    HandshakeMessage() {
        // the set of message classes is closed: HandshakeDecoder must know every one
    }

    /** The HandshakeType code, see {@link HandshakeType}. */
    public abstract int type();

    /** The RFC name of the message, e.g. {@code ClientHello} or {@code HelloRetryRequest}. */
    public String name() {
        return HandshakeType.messageName(type());
    }

    abstract void writeBody(WireWriter w);

    /** The decoded fields for toString. */
    abstract String describe();

    /** The body, without the 4-byte header. */
    public final byte[] encodeBody() {
        WireWriter w = new WireWriter();
        writeBody(w);
        return w.toByteArray();
    }

    /** The whole message: msg_type, a 3-byte length, the body. */
    public final byte[] encode() {
        return new WireWriter().u8(type()).vector(3, this::writeBody).toByteArray();
    }

    @FunctionalInterface
    interface BodyDecoder<T> {
        T decode(WireReader body) throws DecodeException;
    }

    /** Decodes a whole body with {@code decoder}, rejecting trailing bytes. */
    static <T> T decodeBody(byte[] body, BodyDecoder<T> decoder) throws DecodeException {
        WireReader r = new WireReader(body);
        T message = decoder.decode(r);
        r.expectEnd();
        return message;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof HandshakeMessage && o.getClass() == getClass()
                && Arrays.equals(((HandshakeMessage) o).encode(), encode());
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public final String toString() {
        return name() + "{" + describe() + "}";
    }
}
