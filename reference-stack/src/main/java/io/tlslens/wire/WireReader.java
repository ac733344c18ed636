package io.tlslens.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A bounds-checked cursor over TLS presentation-language data (RFC 8446 §3). Every decoder reads
 * through it, so every length check lives here: nothing is read or allocated before the bytes it
 * needs are known to be present, and a short or overlong input becomes a {@link DecodeException}
 * naming the field and its offset.
 *
 * <p>Offsets are positions in the array the reader was created over; a sub-reader shares the array
 * and so reports offsets in the same coordinates as its parent.
 */
public final class WireReader {
    private final byte[] buf;
    private final int limit;
    private final String name;
    private int pos;

    public WireReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public WireReader(byte[] buf, int offset, int length) {
        this(buf, Objects.checkFromIndexSize(offset, length, buf.length), offset + length, "input");
    }

    private WireReader(byte[] buf, int pos, int limit, String name) {
        this.buf = buf;
        this.pos = pos;
        this.limit = limit;
        this.name = name;
    }

    /** Offset of the next byte to read. */
    public int position() {
        return pos;
    }

    public int remaining() {
        return limit - pos;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    public int u8(String field) throws DecodeException {
        require(1, field);
        return buf[pos++] & 0xff;
    }

    public int u16(String field) throws DecodeException {
        require(2, field);
        int v = (buf[pos] & 0xff) << 8 | buf[pos + 1] & 0xff;
        pos += 2;
        return v;
    }

    public int u24(String field) throws DecodeException {
        require(3, field);
        int v = (buf[pos] & 0xff) << 16 | (buf[pos + 1] & 0xff) << 8 | buf[pos + 2] & 0xff;
        pos += 3;
        return v;
    }

    public long u32(String field) throws DecodeException {
        require(4, field);
        long v = (long) (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16
                | (buf[pos + 2] & 0xff) << 8 | buf[pos + 3] & 0xff;
        pos += 4;
        return v;
    }

    /** The next {@code n} bytes, copied. */
    public byte[] bytes(int n, String field) throws DecodeException {
        require(n, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** Everything that is left, copied. */
    public byte[] rest() {
        byte[] out = Arrays.copyOfRange(buf, pos, limit);
        pos = limit;
        return out;
    }

    /** An opaque vector with a length prefix of {@code lengthBytes} (1, 2 or 3) bytes, copied. */
    public byte[] opaque(int lengthBytes, String field) throws DecodeException {
        return vector(lengthBytes, field).rest();
    }

    /**
     * A reader over the body of a vector with a {@code lengthBytes}-byte length prefix; this reader
     * moves past the whole vector.
     */
    public WireReader vector(int lengthBytes, String field) throws DecodeException {
        int length = length(lengthBytes, field);
        require(length, field);
        WireReader sub = new WireReader(buf, pos, pos + length, field);
        pos += length;
        return sub;
    }

    /** A vector of uint8 values, e.g. compression_methods. */
    public List<Integer> u8List(int lengthBytes, String field) throws DecodeException {
        WireReader v = vector(lengthBytes, field);
        List<Integer> out = new ArrayList<>(v.remaining());
        while (v.hasRemaining()) {
            out.add(v.u8(field));
        }
        return List.copyOf(out);
    }

    /** A vector of uint16 values, e.g. cipher_suites or named_group_list. */
    public List<Integer> u16List(int lengthBytes, String field) throws DecodeException {
        WireReader v = vector(lengthBytes, field);
        if (v.remaining() % 2 != 0) {
            throw new DecodeException(field + ": odd length " + v.remaining() + " for a list of uint16", v.pos);
        }
        List<Integer> out = new ArrayList<>(v.remaining() / 2);
        while (v.hasRemaining()) {
            out.add(v.u16(field));
        }
        return List.copyOf(out);
    }

    /** A vector of opaque vectors, e.g. ProtocolNameList or certificate_authorities. */
    public List<byte[]> opaqueList(int lengthBytes, int elementLengthBytes, String field) throws DecodeException {
        WireReader v = vector(lengthBytes, field);
        List<byte[]> out = new ArrayList<>();
        while (v.hasRemaining()) {
            out.add(v.opaque(elementLengthBytes, field));
        }
        return List.copyOf(out);
    }

    /** A reader over the same remaining bytes that moves independently, for checking ahead. */
    public WireReader fork() {
        return new WireReader(buf, pos, limit, name);
    }

    /** Fails unless every byte has been read: trailing bytes are malformed in every TLS structure. */
    public void expectEnd() throws DecodeException {
        if (pos != limit) {
            throw new DecodeException(name + ": " + (limit - pos) + " unexpected trailing byte(s)", pos);
        }
    }

    private int length(int lengthBytes, String field) throws DecodeException {
        switch (lengthBytes) {
            case 1:
                return u8(field + " length");
            case 2:
                return u16(field + " length");
            case 3:
                return u24(field + " length");
            default:
                throw new IllegalArgumentException("length prefix of " + lengthBytes + " bytes");
        }
    }

    private void require(int n, String field) throws DecodeException {
        if (n > limit - pos) {
            throw new DecodeException(field + ": needs " + n + " byte(s), " + (limit - pos) + " left", pos);
        }
    }
}
