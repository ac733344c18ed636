package io.tlslens.wire;

import java.util.Arrays;
import java.util.List;

/**
 * One extension (RFC 8446 §4.2): its type and its extension_data as a value. Equality is equality
 * of type and encoding, which the codec keeps lossless.
 */
public abstract class Extension {
    Extension() {
        // the set of extension classes is closed: decoding must know every one
    }

    /** The ExtensionType code, see {@link ExtensionType}. */
    public abstract int type();

    /** The IANA name of the type, e.g. {@code key_share}. */
    public final String name() {
        return ExtensionType.name(type());
    }

    /** The encoded extension_data, without type and length. */
    public final byte[] data() {
        WireWriter w = new WireWriter();
        writeData(w);
        return w.toByteArray();
    }

    abstract void writeData(WireWriter w);

    /** The decoded content for toString; empty for extensions without content. */
    abstract String describe();

    /**
     * Decodes one extension as it appears in {@code context}. Unknown and GREASE types, and types
     * that have no shape in that context, become {@link UnknownExtension}s.
     */
    public static Extension decode(int type, byte[] data, ExtensionContext context) throws DecodeException {
        return Extensions.decode(type, new WireReader(data), context);
    }

    /** Decodes an extensions block: a 2-byte length, then the extensions in wire order. */
    public static List<Extension> decodeList(byte[] block, ExtensionContext context) throws DecodeException {
        WireReader r = new WireReader(block);
        List<Extension> list = Extensions.decodeList(r, context);
        r.expectEnd();
        return list;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Extension && o.getClass() == getClass()
                && ((Extension) o).type() == type() && Arrays.equals(((Extension) o).data(), data());
    }

    @Override
    public final int hashCode() {
        return 31 * type() + Arrays.hashCode(data());
    }

    @Override
    public final String toString() {
        String d = describe();
        return d.isEmpty() ? name() : name() + "=" + d;
    }
}
