package io.tlslens.wire;

/** One whole handshake message as framed on the wire (msg_type and body), not yet decoded. */
public final class HandshakeFrame {
    private final int type;
    private final byte[] body;

    public HandshakeFrame(int type, byte[] body) {
        this.type = type;
        this.body = body.clone();
    }

    /** The HandshakeType code. */
    public int type() {
        return type;
    }

    public byte[] body() {
        return body.clone();
    }

    /** The message with its 4-byte header, as the transcript hash takes it. */
    public byte[] encode() {
        return new WireWriter().u8(type).opaque(3, body).toByteArray();
    }

    @Override
    public String toString() {
        return HandshakeType.messageName(type) + "(" + body.length + " bytes)";
    }
}
