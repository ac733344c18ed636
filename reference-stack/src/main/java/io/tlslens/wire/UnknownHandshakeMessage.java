package io.tlslens.wire;

/** A handshake message of a type this codec does not decode, kept raw so it can be re-encoded and hashed. */
public final class UnknownHandshakeMessage extends HandshakeMessage {
    private final int type;
    private final byte[] body;

    public UnknownHandshakeMessage(int type, byte[] body) {
        this.type = type;
        this.body = body.clone();
    }

    @Override
    public int type() {
        return type;
    }

    public byte[] body() {
        return body.clone();
    }

    @Override
    void writeBody(WireWriter w) {
        w.bytes(body);
    }

    @Override
    String describe() {
        return Bytes.hex(body);
    }
}
