package io.tlslens.examples.scenario;

/** The {@code error.type} vocabulary of DESIGN.md: the diagnosed cause of a failed handshake. */
public enum ErrorType {
    UNTRUSTED_CERTIFICATE,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_NOT_YET_VALID,
    CERTIFICATE_REVOKED,
    HOSTNAME_MISMATCH,
    NO_COMMON_CIPHER_SUITE,
    PROTOCOL_VERSION_MISMATCH,
    NO_COMMON_GROUP,
    SIGNATURE_ALGORITHM_MISMATCH,
    NO_COMMON_APPLICATION_PROTOCOL,
    CLIENT_CERTIFICATE_REQUIRED,
    BAD_CLIENT_CERTIFICATE,
    UNRECOGNIZED_NAME,
    PEER_CLOSED,
    NOT_TLS,
    HANDSHAKE_TIMEOUT,
    DECODE_ERROR,
    OTHER;

    /** The attribute value: {@code untrusted_certificate}, ..., {@code _OTHER}. */
    public String value() {
        return this == OTHER ? "_OTHER" : name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
