package io.tlslens.wire;

/**
 * CertificateStatus (RFC 6066 §8): a stapled OCSP response, sent as its own message in TLS 1.2 and
 * inside the status_request extension of a TLS 1.3 CertificateEntry. Statuses of types other than
 * ocsp keep their body raw.
 */
public final class CertificateStatus extends HandshakeMessage {
    private final int statusType;
    private final byte[] response;

    public CertificateStatus(int statusType, byte[] response) {
        this.statusType = statusType;
        this.response = response.clone();
    }

    public static CertificateStatus ocsp(byte[] ocspResponse) {
        return new CertificateStatus(CertificateStatusType.ocsp, ocspResponse);
    }

    public static CertificateStatus decode(byte[] body) throws DecodeException {
        return decodeBody(body, CertificateStatus::decode);
    }

    static CertificateStatus decode(WireReader r) throws DecodeException {
        int statusType = r.u8("status_type");
        return new CertificateStatus(statusType,
                statusType == CertificateStatusType.ocsp ? r.opaque(3, "OCSPResponse") : r.rest());
    }

    @Override
    public int type() {
        return HandshakeType.certificate_status;
    }

    public int statusType() {
        return statusType;
    }

    /** The DER OCSPResponse for type ocsp; the raw body after status_type otherwise. */
    public byte[] response() {
        return response.clone();
    }

    @Override
    void writeBody(WireWriter w) {
        w.u8(statusType);
        if (statusType == CertificateStatusType.ocsp) {
            w.opaque(3, response);
        } else {
            w.bytes(response);
        }
    }

    @Override
    String describe() {
        return CertificateStatusType.name(statusType) + ", " + response.length + " bytes";
    }
}
