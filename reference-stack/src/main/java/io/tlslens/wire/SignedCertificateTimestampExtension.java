package io.tlslens.wire;

import java.util.List;

/**
 * signed_certificate_timestamp (RFC 6962 §3.3.1): empty in ClientHello and CertificateRequest, a
 * request for SCTs; in a TLS 1.2 ServerHello or a TLS 1.3 CertificateEntry the
 * SignedCertificateTimestampList, each SCT kept as its serialized bytes.
 */
public final class SignedCertificateTimestampExtension extends Extension {
    private final List<byte[]> timestamps;
    private final boolean request;

    private SignedCertificateTimestampExtension(List<byte[]> timestamps, boolean request) {
        this.timestamps = Bytes.copy(timestamps);
        this.request = request;
    }

    /** The server's list of serialized SCTs. */
    public SignedCertificateTimestampExtension(List<byte[]> timestamps) {
        this(timestamps, false);
    }

    /** The client's empty request. */
    public static SignedCertificateTimestampExtension request() {
        return new SignedCertificateTimestampExtension(List.of(), true);
    }

    static SignedCertificateTimestampExtension decode(WireReader data, ExtensionContext context) throws DecodeException {
        switch (context) {
            case CLIENT_HELLO:
            case CERTIFICATE_REQUEST:
                return request();
            case SERVER_HELLO:
            case CERTIFICATE:
                return new SignedCertificateTimestampExtension(data.opaqueList(2, 2, "sct_list"));
            default:
                return null;
        }
    }

    @Override
    public int type() {
        return ExtensionType.signed_certificate_timestamp;
    }

    public boolean isRequest() {
        return request;
    }

    /** Serialized SCTs, copied; empty in a request. */
    public List<byte[]> timestamps() {
        return Bytes.copy(timestamps);
    }

    @Override
    void writeData(WireWriter w) {
        if (!request) {
            w.opaqueList(2, 2, timestamps);
        }
    }

    @Override
    String describe() {
        return request ? "" : timestamps.size() + " SCTs";
    }
}
