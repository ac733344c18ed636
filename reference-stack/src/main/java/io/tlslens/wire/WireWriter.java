package io.tlslens.wire;

import java.util.Arrays;
import java.util.List;

/**
 * Writes TLS presentation-language data. Values that do not fit their field are programming
 * errors of the caller and fail with IllegalArgumentException; decoded values always fit.
 */
public final class WireWriter {
    /** Writes the body of a vector; the writer fills in the length prefix afterwards. */
    @FunctionalInterface
    public interface Body {
        void writeTo(WireWriter w);
    }

    private byte[] buf = new byte[256];
    private int size;

    public WireWriter u8(int v) {
        return unsigned(v, 1);
    }

    public WireWriter u16(int v) {
        return unsigned(v, 2);
    }

    public WireWriter u24(int v) {
        return unsigned(v, 3);
    }

    public WireWriter u32(long v) {
        if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException("not a uint32: " + v);
        }
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public WireWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** An opaque vector with a {@code lengthBytes}-byte length prefix. */
    public WireWriter opaque(int lengthBytes, byte[] b) {
        return vector(lengthBytes, w -> w.bytes(b));
    }

    /** A vector whose body {@code body} writes, preceded by its {@code lengthBytes}-byte length. */
    public WireWriter vector(int lengthBytes, Body body) {
        int lengthAt = size;
        unsigned(0, lengthBytes);
        body.writeTo(this);
        int length = size - lengthAt - lengthBytes;
        if (length >= 1 << (8 * lengthBytes)) {
            throw new IllegalArgumentException("vector of " + length + " bytes exceeds its " + lengthBytes + "-byte length");
        }
        for (int i = 0; i < lengthBytes; i++) {
            buf[lengthAt + i] = (byte) (length >>> (8 * (lengthBytes - 1 - i)));
        }
        return this;
    }

    public WireWriter u8List(int lengthBytes, List<Integer> values) {
        return vector(lengthBytes, w -> values.forEach(w::u8));
    }

    public WireWriter u16List(int lengthBytes, List<Integer> values) {
        return vector(lengthBytes, w -> values.forEach(w::u16));
    }

    public WireWriter opaqueList(int lengthBytes, int elementLengthBytes, List<byte[]> values) {
        return vector(lengthBytes, w -> values.forEach(v -> w.opaque(elementLengthBytes, v)));
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private WireWriter unsigned(int v, int n) {
        if (v < 0 || (n < 4 && v >= 1 << (8 * n))) {
            throw new IllegalArgumentException("not a uint" + 8 * n + ": " + v);
        }
        ensure(n);
        for (int i = n - 1; i >= 0; i--) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
