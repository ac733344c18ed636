package io.tlslens.wire;

/**
 * The change_cipher_spec record's content (RFC 5246 §7.1): one byte, 1. In TLS 1.3 it is only
 * middlebox camouflage (RFC 8446 §D.4), but it is still on the wire.
 */
public final class ChangeCipherSpec {
    public static final ChangeCipherSpec INSTANCE = new ChangeCipherSpec();

    private static final int CHANGE_CIPHER_SPEC = 1;

    private ChangeCipherSpec() {
    }

    public static ChangeCipherSpec decode(byte[] fragment) throws DecodeException {
        WireReader r = new WireReader(fragment);
        int value = r.u8("type");
        if (value != CHANGE_CIPHER_SPEC) {
            throw new DecodeException("type: " + value + " is not change_cipher_spec(1)", 0);
        }
        r.expectEnd();
        return INSTANCE;
    }

    public byte[] encode() {
        return new byte[] {CHANGE_CIPHER_SPEC};
    }

    @Override
    public String toString() {
        return "ChangeCipherSpec";
    }
}
