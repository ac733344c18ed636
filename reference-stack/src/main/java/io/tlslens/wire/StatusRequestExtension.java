package io.tlslens.wire;

import java.util.Optional;

/**
 * status_request (RFC 6066 §8, RFC 8446 §4.4.2.1). Three shapes: in ClientHello and a TLS 1.3
 * CertificateRequest a CertificateStatusRequest; in a TLS 1.2 ServerHello an empty promise of a
 * CertificateStatus message; in a TLS 1.3 CertificateEntry the CertificateStatus itself.
 *
 * <p>A request's body after status_type (for OCSP the responder_id_list and request_extensions) is
 * kept encoded: peers send both empty and nobody reads them; for OCSP its structure is checked.
 */
public final class StatusRequestExtension extends Extension {
    private final int statusType;
    private final byte[] request;
    private final CertificateStatus response;

    private StatusRequestExtension(int statusType, byte[] request, CertificateStatus response) {
        this.statusType = statusType;
        this.request = request;
        this.response = response;
    }

    /** A CertificateStatusRequest: {@code status_type} and the encoded request that follows it. */
    public static StatusRequestExtension request(int statusType, byte[] request) {
        return new StatusRequestExtension(statusType, request.clone(), null);
    }

    /** An OCSP request with no responder IDs and no request extensions, as every client sends. */
    public static StatusRequestExtension ocspRequest() {
        return request(CertificateStatusType.ocsp, new byte[4]);
    }

    /** The TLS 1.2 ServerHello's empty extension. */
    public static StatusRequestExtension acknowledgement() {
        return new StatusRequestExtension(-1, null, null);
    }

    /** The TLS 1.3 CertificateEntry form. */
    public static StatusRequestExtension response(CertificateStatus status) {
        return new StatusRequestExtension(status.statusType(), null, status);
    }

    static StatusRequestExtension decode(WireReader data, ExtensionContext context) throws DecodeException {
        switch (context) {
            case CLIENT_HELLO:
            case CERTIFICATE_REQUEST:
                int statusType = data.u8("status_type");
                if (statusType == CertificateStatusType.ocsp) {
                    WireReader ocsp = data.fork();
                    ocsp.opaqueList(2, 2, "responder_id_list");
                    ocsp.opaque(2, "request_extensions");
                    ocsp.expectEnd();
                }
                return new StatusRequestExtension(statusType, data.rest(), null);
            case SERVER_HELLO:
                return acknowledgement();
            case CERTIFICATE:
                return response(CertificateStatus.decode(data));
            default:
                return null;
        }
    }

    @Override
    public int type() {
        return ExtensionType.status_request;
    }

    public boolean isAcknowledgement() {
        return statusType < 0;
    }

    /** The CertificateStatusType of a request or response; -1 in an acknowledgement. */
    public int statusType() {
        return statusType;
    }

    /** The encoded request after status_type; empty unless this is a request. */
    public byte[] request() {
        return request == null ? new byte[0] : request.clone();
    }

    /** The stapled status, in a TLS 1.3 CertificateEntry. */
    public Optional<CertificateStatus> response() {
        return Optional.ofNullable(response);
    }

    @Override
    void writeData(WireWriter w) {
        if (response != null) {
            response.writeBody(w);
        } else if (request != null) {
            w.u8(statusType).bytes(request);
        }
    }

    @Override
    String describe() {
        if (isAcknowledgement()) {
            return "";
        }
        return response != null ? response.toString() : "request(" + CertificateStatusType.name(statusType) + ")";
    }
}
