package io.tlslens.wire;

/**
 * padding (RFC 7685): filler that moves a ClientHello's length out of ranges that break some
 * middleboxes. The bytes are kept as sent, zero or not, so that the message re-encodes exactly.
 */
public final class PaddingExtension extends OpaqueExtension {
    public PaddingExtension(byte[] padding) {
        super(padding, 0);
    }

    /** {@code length} zero bytes, as RFC 7685 requires. */
    public PaddingExtension(int length) {
        this(new byte[length]);
    }

    @Override
    public int type() {
        return ExtensionType.padding;
    }

    public int length() {
        return value().length;
    }

    @Override
    String describe() {
        return length() + " bytes";
    }
}
