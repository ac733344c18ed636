package io.tlslens.wire;

/**
 * TLS ExtensionType Values (IANA registry; RFC 8446 §4.2, RFC 6066, RFC 8422, RFC 7301, RFC 5746,
 * RFC 7627, RFC 7366, RFC 8879, RFC 8449, RFC 6962, RFC 7685, RFC 5077 and others). Field names are
 * the IANA names.
 */
public final class ExtensionType {
    public static final int server_name = 0;
    public static final int max_fragment_length = 1;
    public static final int client_certificate_url = 2;
    public static final int trusted_ca_keys = 3;
    public static final int truncated_hmac = 4;
    public static final int status_request = 5;
    public static final int user_mapping = 6;
    public static final int client_authz = 7;
    public static final int server_authz = 8;
    public static final int cert_type = 9;
    public static final int supported_groups = 10;
    public static final int ec_point_formats = 11;
    public static final int srp = 12;
    public static final int signature_algorithms = 13;
    public static final int use_srtp = 14;
    public static final int heartbeat = 15;
    public static final int application_layer_protocol_negotiation = 16;
    public static final int status_request_v2 = 17;
    public static final int signed_certificate_timestamp = 18;
    public static final int client_certificate_type = 19;
    public static final int server_certificate_type = 20;
    public static final int padding = 21;
    public static final int encrypt_then_mac = 22;
    public static final int extended_master_secret = 23;
    public static final int token_binding = 24;
    public static final int cached_info = 25;
    public static final int tls_lts = 26;
    public static final int compress_certificate = 27;
    public static final int record_size_limit = 28;
    public static final int pwd_protect = 29;
    public static final int pwd_clear = 30;
    public static final int password_salt = 31;
    public static final int ticket_pinning = 32;
    public static final int tls_cert_with_extern_psk = 33;
    public static final int delegated_credential = 34;
    public static final int session_ticket = 35;
    public static final int TLMSP = 36;
    public static final int TLMSP_proxying = 37;
    public static final int TLMSP_delegate = 38;
    public static final int supported_ekt_ciphers = 39;
    public static final int pre_shared_key = 41;
    public static final int early_data = 42;
    public static final int supported_versions = 43;
    public static final int cookie = 44;
    public static final int psk_key_exchange_modes = 45;
    public static final int certificate_authorities = 47;
    public static final int oid_filters = 48;
    public static final int post_handshake_auth = 49;
    public static final int signature_algorithms_cert = 50;
    public static final int key_share = 51;
    public static final int transparency_info = 52;
    public static final int connection_id_deprecated = 53;
    public static final int connection_id = 54;
    public static final int external_id_hash = 55;
    public static final int external_session_id = 56;
    public static final int quic_transport_parameters = 57;
    public static final int ticket_request = 58;
    public static final int dnssec_chain = 59;
    public static final int sequence_number_encryption_algorithms = 60;
    public static final int rrc = 61;
    public static final int tls_flags = 62;
    public static final int ech_outer_extensions = 0xFD00;
    public static final int encrypted_client_hello = 0xFE0D;
    public static final int renegotiation_info = 0xFF01;

    private static final Registry NAMES = Registry.withGrease(ExtensionType.class, 2);

    private ExtensionType() {
    }

    /** The IANA name, e.g. {@code key_share}, {@code GREASE(0x0a0a)} or {@code unknown(0x4469)}. */
    public static String name(int code) {
        return NAMES.name(code);
    }
}
