package io.tlslens.agent.diagnosis;

/** The {@code error.type} values of the telemetry contract (DESIGN.md). */
public final class ErrorType {
    public static final String UNTRUSTED_CERTIFICATE = "untrusted_certificate";
    public static final String CERTIFICATE_EXPIRED = "certificate_expired";
    public static final String CERTIFICATE_NOT_YET_VALID = "certificate_not_yet_valid";
    public static final String CERTIFICATE_REVOKED = "certificate_revoked";
    public static final String HOSTNAME_MISMATCH = "hostname_mismatch";
    public static final String NO_COMMON_CIPHER_SUITE = "no_common_cipher_suite";
    public static final String PROTOCOL_VERSION_MISMATCH = "protocol_version_mismatch";
    public static final String NO_COMMON_GROUP = "no_common_group";
    public static final String SIGNATURE_ALGORITHM_MISMATCH = "signature_algorithm_mismatch";
    public static final String NO_COMMON_APPLICATION_PROTOCOL = "no_common_application_protocol";
    public static final String CLIENT_CERTIFICATE_REQUIRED = "client_certificate_required";
    public static final String BAD_CLIENT_CERTIFICATE = "bad_client_certificate";
    public static final String UNRECOGNIZED_NAME = "unrecognized_name";
    public static final String PEER_CLOSED = "peer_closed";
    public static final String NOT_TLS = "not_tls";
    public static final String HANDSHAKE_TIMEOUT = "handshake_timeout";
    public static final String DECODE_ERROR = "decode_error";
    public static final String OTHER = "_OTHER";

    private ErrorType() {
    }
}
