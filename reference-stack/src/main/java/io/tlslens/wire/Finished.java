package io.tlslens.wire;

/**
 * Finished (RFC 8446 §4.4.4, RFC 5246 §7.4.9): the MAC over the transcript. Its length is the
 * hash length (TLS 1.3) or verify_data_length (TLS 1.2), so the codec takes the whole body.
 */
public final class Finished extends HandshakeMessage {
    private final byte[] verifyData;

    public Finished(byte[] verifyData) {
        this.verifyData = verifyData.clone();
    }

    public static Finished decode(byte[] body) throws DecodeException {
        return decodeBody(body, Finished::decode);
    }

    static Finished decode(WireReader r) {
        return new Finished(r.rest());
    }

    @Override
    public int type() {
        return HandshakeType.finished;
    }

    public byte[] verifyData() {
        return verifyData.clone();
    }

    @Override
    void writeBody(WireWriter w) {
        w.bytes(verifyData);
    }

    @Override
    String describe() {
        return "verify_data=" + Bytes.hex(verifyData);
    }
}
