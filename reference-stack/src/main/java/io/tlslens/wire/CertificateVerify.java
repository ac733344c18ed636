package io.tlslens.wire;

import java.util.OptionalInt;

/**
 * CertificateVerify (RFC 8446 §4.4.3, RFC 5246 §7.4.8): a signature over the transcript. From
 * TLS 1.2 on it names its SignatureScheme; TLS 1.0 and 1.1 imply the algorithm from the key.
 */
public final class CertificateVerify extends HandshakeMessage {
    private final int signatureScheme;
    private final byte[] signature;

    private CertificateVerify(int signatureScheme, byte[] signature) {
        this.signatureScheme = signatureScheme;
        this.signature = signature.clone();
    }

    /** The TLS 1.2 and 1.3 shape. */
    public static CertificateVerify of(int signatureScheme, byte[] signature) {
        if (signatureScheme < 0) {
            throw new IllegalArgumentException("signature scheme " + signatureScheme);
        }
        return new CertificateVerify(signatureScheme, signature);
    }

    /** The TLS 1.0 and 1.1 shape. */
    public static CertificateVerify withoutAlgorithm(byte[] signature) {
        return new CertificateVerify(-1, signature);
    }

    /** Decodes a body in the shape of {@code version}, a {@link ProtocolVersion} code. */
    public static CertificateVerify decode(byte[] body, int version) throws DecodeException {
        return decodeBody(body, r -> decode(r, version));
    }

    static CertificateVerify decode(WireReader r, int version) throws DecodeException {
        int scheme = ProtocolVersion.hasSignatureAlgorithm(version) ? r.u16("algorithm") : -1;
        return new CertificateVerify(scheme, r.opaque(2, "signature"));
    }

    @Override
    public int type() {
        return HandshakeType.certificate_verify;
    }

    /** Absent before TLS 1.2. */
    public OptionalInt signatureScheme() {
        return signatureScheme < 0 ? OptionalInt.empty() : OptionalInt.of(signatureScheme);
    }

    public byte[] signature() {
        return signature.clone();
    }

    @Override
    void writeBody(WireWriter w) {
        if (signatureScheme >= 0) {
            w.u16(signatureScheme);
        }
        w.opaque(2, signature);
    }

    @Override
    String describe() {
        return (signatureScheme >= 0 ? "algorithm=" + SignatureScheme.name(signatureScheme) + ", " : "")
                + "signature=" + Bytes.hex(signature);
    }
}
