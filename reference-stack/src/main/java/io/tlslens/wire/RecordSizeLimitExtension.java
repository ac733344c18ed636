package io.tlslens.wire;

/** record_size_limit (RFC 8449): the largest record plaintext the sender is willing to receive. */
public final class RecordSizeLimitExtension extends Extension {
    private final int limit;

    public RecordSizeLimitExtension(int limit) {
        this.limit = limit;
    }

    @Override
    public int type() {
        return ExtensionType.record_size_limit;
    }

    public int limit() {
        return limit;
    }

    @Override
    void writeData(WireWriter w) {
        w.u16(limit);
    }

    @Override
    String describe() {
        return Integer.toString(limit);
    }
}
