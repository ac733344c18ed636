package io.tlslens.wire;

import java.util.List;
import java.util.Optional;

/**
 * CertificateRequest: in TLS 1.3 (RFC 8446 §4.3.2) a context and extensions; before it
 * (RFC 5246 §7.4.4) certificate types, in TLS 1.2 supported signature algorithms, and CA names.
 */
public final class CertificateRequest extends HandshakeMessage {
    private final int version;
    private final byte[] requestContext;
    private final List<Extension> extensions;
    private final List<Integer> certificateTypes;
    private final List<Integer> signatureAlgorithms;
    private final List<byte[]> certificateAuthorities;

    private CertificateRequest(int version, byte[] requestContext, List<Extension> extensions,
            List<Integer> certificateTypes, List<Integer> signatureAlgorithms, List<byte[]> certificateAuthorities) {
        this.version = version;
        this.requestContext = requestContext.clone();
        this.extensions = List.copyOf(extensions);
        this.certificateTypes = List.copyOf(certificateTypes);
        this.signatureAlgorithms = List.copyOf(signatureAlgorithms);
        this.certificateAuthorities = Bytes.copy(certificateAuthorities);
    }

    /** The TLS 1.3 shape. */
    public static CertificateRequest tls13(byte[] requestContext, List<Extension> extensions) {
        return new CertificateRequest(ProtocolVersion.TLSv1_3, requestContext, extensions, List.of(), List.of(), List.of());
    }

    /** The shape before TLS 1.3; {@code signatureAlgorithms} is sent from TLS 1.2 on only. */
    public static CertificateRequest tls12(int version, List<Integer> certificateTypes, List<Integer> signatureAlgorithms,
            List<byte[]> certificateAuthorities) {
        if (ProtocolVersion.isTls13(version)) {
            throw new IllegalArgumentException("use tls13() for TLS 1.3");
        }
        return new CertificateRequest(version, new byte[0], List.of(), certificateTypes, signatureAlgorithms, certificateAuthorities);
    }

    /** Decodes a body in the shape of {@code version}, a {@link ProtocolVersion} code. */
    public static CertificateRequest decode(byte[] body, int version) throws DecodeException {
        return decodeBody(body, r -> decode(r, version));
    }

    static CertificateRequest decode(WireReader r, int version) throws DecodeException {
        if (ProtocolVersion.isTls13(version)) {
            byte[] context = r.opaque(1, "certificate_request_context");
            return tls13(context, Extensions.decodeList(r, ExtensionContext.CERTIFICATE_REQUEST));
        }
        List<Integer> types = r.u8List(1, "certificate_types");
        List<Integer> schemes = ProtocolVersion.hasSignatureAlgorithm(version)
                ? r.u16List(2, "supported_signature_algorithms") : List.of();
        return new CertificateRequest(version, new byte[0], List.of(), types, schemes,
                r.opaqueList(2, 2, "certificate_authorities"));
    }

    @Override
    public int type() {
        return HandshakeType.certificate_request;
    }

    public boolean isTls13() {
        return ProtocolVersion.isTls13(version);
    }

    /** TLS 1.3 only: echoed in the client's Certificate, to match post-handshake requests. */
    public byte[] requestContext() {
        return requestContext.clone();
    }

    /** TLS 1.3 only. */
    public List<Extension> extensions() {
        return extensions;
    }

    public <T extends Extension> Optional<T> extension(Class<T> type) {
        return Extensions.find(extensions, type);
    }

    /** Before TLS 1.3 only: ClientCertificateType codes. */
    public List<Integer> certificateTypes() {
        return certificateTypes;
    }

    /** The accepted signature schemes: the signature_algorithms extension in TLS 1.3, the field in TLS 1.2. */
    public List<Integer> signatureAlgorithms() {
        return isTls13()
                ? extension(SignatureAlgorithmsExtension.class).map(SignatureAlgorithmsExtension::schemes).orElse(List.of())
                : signatureAlgorithms;
    }

    /** DER DistinguishedNames of acceptable CAs, copied: the certificate_authorities extension in TLS 1.3. */
    public List<byte[]> certificateAuthorities() {
        return isTls13()
                ? extension(CertificateAuthoritiesExtension.class).map(CertificateAuthoritiesExtension::authorities).orElse(List.of())
                : Bytes.copy(certificateAuthorities);
    }

    @Override
    void writeBody(WireWriter w) {
        if (isTls13()) {
            w.opaque(1, requestContext);
            Extensions.writeList(w, extensions);
            return;
        }
        w.u8List(1, certificateTypes);
        if (ProtocolVersion.hasSignatureAlgorithm(version)) {
            w.u16List(2, signatureAlgorithms);
        }
        w.opaqueList(2, 2, certificateAuthorities);
    }

    @Override
    String describe() {
        if (isTls13()) {
            return "certificate_request_context=" + Bytes.hex(requestContext) + ", extensions=" + extensions;
        }
        return "certificate_types=" + Registry.names(certificateTypes, ClientCertificateType::name)
                + ", supported_signature_algorithms=" + Registry.names(signatureAlgorithms, SignatureScheme::name)
                + ", certificate_authorities=" + certificateAuthorities.size();
    }
}
