package io.tlslens.wire;

/** An extension whose data is one opaque value, with or without a length prefix. */
abstract class OpaqueExtension extends Extension {
    private final byte[] value;
    private final int lengthBytes;

    /** {@code lengthBytes} 0 means the value is the whole extension_data. */
    OpaqueExtension(byte[] value, int lengthBytes) {
        this.value = value.clone();
        this.lengthBytes = lengthBytes;
    }

    final byte[] value() {
        return value.clone();
    }

    @Override
    final void writeData(WireWriter w) {
        if (lengthBytes == 0) {
            w.bytes(value);
        } else {
            w.opaque(lengthBytes, value);
        }
    }

    @Override
    String describe() {
        return Bytes.hex(value);
    }
}
