package io.tlslens.wire;

/**
 * TLS Alerts (IANA registry; RFC 8446 §6, RFC 5246 §7.2, RFC 6066, RFC 7507, RFC 8449, RFC 9146).
 * Values that IANA marks {@code _RESERVED} because TLS 1.3 dropped them keep their RFC 5246 / 6066
 * names without the suffix: TLS 1.2 peers still send them.
 */
public final class AlertDescription {
    public static final int close_notify = 0;
    public static final int unexpected_message = 10;
    public static final int bad_record_mac = 20;
    public static final int decryption_failed = 21;
    public static final int record_overflow = 22;
    public static final int decompression_failure = 30;
    public static final int handshake_failure = 40;
    public static final int no_certificate = 41;
    public static final int bad_certificate = 42;
    public static final int unsupported_certificate = 43;
    public static final int certificate_revoked = 44;
    public static final int certificate_expired = 45;
    public static final int certificate_unknown = 46;
    public static final int illegal_parameter = 47;
    public static final int unknown_ca = 48;
    public static final int access_denied = 49;
    public static final int decode_error = 50;
    public static final int decrypt_error = 51;
    public static final int too_many_cids_requested = 52;
    public static final int export_restriction = 60;
    public static final int protocol_version = 70;
    public static final int insufficient_security = 71;
    public static final int internal_error = 80;
    public static final int inappropriate_fallback = 86;
    public static final int user_canceled = 90;
    public static final int no_renegotiation = 100;
    public static final int missing_extension = 109;
    public static final int unsupported_extension = 110;
    public static final int certificate_unobtainable = 111;
    public static final int unrecognized_name = 112;
    public static final int bad_certificate_status_response = 113;
    public static final int bad_certificate_hash_value = 114;
    public static final int unknown_psk_identity = 115;
    public static final int certificate_required = 116;
    public static final int general_error = 117;
    public static final int no_application_protocol = 120;
    public static final int ech_required = 121;

    private static final Registry NAMES = Registry.of(AlertDescription.class, 1);

    private AlertDescription() {
    }

    /** The IANA name, e.g. {@code handshake_failure}, or {@code unknown(0xc8)}. */
    public static String name(int code) {
        return NAMES.name(code);
    }
}
