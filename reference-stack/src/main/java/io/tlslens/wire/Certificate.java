package io.tlslens.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Certificate (RFC 8446 §4.4.2; RFC 5246 §7.4.2 before TLS 1.3). The TLS 1.3 shape adds a
 * certificate_request_context and per-entry extensions (OCSP staple, SCTs); which shape applies
 * depends on the negotiated version, so decoding needs it.
 */
public final class Certificate extends HandshakeMessage {
    /** One CertificateEntry: the DER certificate (or raw public key) and, in TLS 1.3, its extensions. */
    public static final class Entry {
        private final byte[] data;
        private final List<Extension> extensions;

        public Entry(byte[] data, List<Extension> extensions) {
            this.data = data.clone();
            this.extensions = List.copyOf(extensions);
        }

        /** The DER encoding, copied. */
        public byte[] data() {
            return data.clone();
        }

        public List<Extension> extensions() {
            return extensions;
        }

        public <T extends Extension> Optional<T> extension(Class<T> type) {
            return Extensions.find(extensions, type);
        }

        @Override
        public String toString() {
            return data.length + " bytes" + (extensions.isEmpty() ? "" : " " + extensions);
        }
    }

    private final boolean tls13;
    private final byte[] requestContext;
    private final List<Entry> entries;

    private Certificate(boolean tls13, byte[] requestContext, List<Entry> entries) {
        this.tls13 = tls13;
        this.requestContext = requestContext.clone();
        this.entries = List.copyOf(entries);
    }

    /** The TLS 1.3 shape. */
    public static Certificate tls13(byte[] requestContext, List<Entry> entries) {
        return new Certificate(true, requestContext, entries);
    }

    /** The TLS 1.2 (and older) shape: a chain of DER certificates. */
    public static Certificate tls12(List<byte[]> chain) {
        return new Certificate(false, new byte[0],
                chain.stream().map(c -> new Entry(c, List.of())).collect(Collectors.toList()));
    }

    /** Decodes a body in the shape of {@code version}, a {@link ProtocolVersion} code. */
    public static Certificate decode(byte[] body, int version) throws DecodeException {
        return decodeBody(body, r -> decode(r, version));
    }

    static Certificate decode(WireReader r, int version) throws DecodeException {
        boolean tls13 = ProtocolVersion.isTls13(version);
        byte[] context = tls13 ? r.opaque(1, "certificate_request_context") : new byte[0];
        WireReader list = r.vector(3, "certificate_list");
        List<Entry> entries = new ArrayList<>();
        while (list.hasRemaining()) {
            byte[] data = list.opaque(3, "cert_data");
            entries.add(new Entry(data, tls13 ? Extensions.decodeList(list, ExtensionContext.CERTIFICATE) : List.of()));
        }
        return new Certificate(tls13, context, entries);
    }

    @Override
    public int type() {
        return HandshakeType.certificate;
    }

    public boolean isTls13() {
        return tls13;
    }

    /** Empty in a server's Certificate and always before TLS 1.3. */
    public byte[] requestContext() {
        return requestContext.clone();
    }

    /** The chain, end-entity first. */
    public List<Entry> entries() {
        return entries;
    }

    @Override
    void writeBody(WireWriter w) {
        if (tls13) {
            w.opaque(1, requestContext);
        }
        w.vector(3, list -> entries.forEach(e -> {
            list.opaque(3, e.data);
            if (tls13) {
                Extensions.writeList(list, e.extensions);
            }
        }));
    }

    @Override
    String describe() {
        return (tls13 ? "certificate_request_context=" + Bytes.hex(requestContext) + ", " : "") + "entries=" + entries;
    }
}
