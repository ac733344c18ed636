package io.tlslens.wire;

/**
 * An extension kept raw: an unknown or GREASE type, or a known type in a message where the RFCs
 * give it no shape. Kept rather than dropped because fingerprints and transcripts include it.
 */
public final class UnknownExtension extends Extension {
    private final int type;
    private final byte[] data;

    public UnknownExtension(int type, byte[] data) {
        this.type = type;
        this.data = data.clone();
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    void writeData(WireWriter w) {
        w.bytes(data);
    }

    @Override
    String describe() {
        return Bytes.hex(data);
    }
}
