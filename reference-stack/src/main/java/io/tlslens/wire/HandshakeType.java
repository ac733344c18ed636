package io.tlslens.wire;

/**
 * TLS HandshakeType (IANA registry; RFC 8446 §4, RFC 5246 §7.4, RFC 6066, RFC 8879). Types that IANA
 * marks {@code _RESERVED} because TLS 1.3 dropped them keep their RFC 5246 names: this codec speaks
 * TLS 1.2 too.
 */
public final class HandshakeType {
    public static final int hello_request = 0;
    public static final int client_hello = 1;
    public static final int server_hello = 2;
    public static final int hello_verify_request = 3;
    public static final int new_session_ticket = 4;
    public static final int end_of_early_data = 5;
    public static final int hello_retry_request = 6;
    public static final int encrypted_extensions = 8;
    public static final int request_connection_id = 9;
    public static final int new_connection_id = 10;
    public static final int certificate = 11;
    public static final int server_key_exchange = 12;
    public static final int certificate_request = 13;
    public static final int server_hello_done = 14;
    public static final int certificate_verify = 15;
    public static final int client_key_exchange = 16;
    public static final int client_certificate_request = 17;
    public static final int finished = 20;
    public static final int certificate_url = 21;
    public static final int certificate_status = 22;
    public static final int supplemental_data = 23;
    public static final int key_update = 24;
    public static final int compressed_certificate = 25;
    public static final int ekt_key = 26;
    public static final int message_hash = 254;

    private static final Registry NAMES = Registry.of(HandshakeType.class, 1);

    private HandshakeType() {
    }

    /** The IANA name, e.g. {@code client_hello}, or {@code unknown(0x63)}. */
    public static String name(int code) {
        return NAMES.name(code);
    }

    /**
     * The name of the message's structure in the RFCs, e.g. {@code ClientHello}, which is how the
     * agent names span events; for types without one, the IANA name.
     */
    public static String messageName(int code) {
        switch (code) {
            case hello_request: return "HelloRequest";
            case client_hello: return "ClientHello";
            case server_hello: return "ServerHello";
            case hello_verify_request: return "HelloVerifyRequest";
            case new_session_ticket: return "NewSessionTicket";
            case end_of_early_data: return "EndOfEarlyData";
            case encrypted_extensions: return "EncryptedExtensions";
            case certificate: return "Certificate";
            case server_key_exchange: return "ServerKeyExchange";
            case certificate_request: return "CertificateRequest";
            case server_hello_done: return "ServerHelloDone";
            case certificate_verify: return "CertificateVerify";
            case client_key_exchange: return "ClientKeyExchange";
            case finished: return "Finished";
            case certificate_url: return "CertificateURL";
            case certificate_status: return "CertificateStatus";
            case supplemental_data: return "SupplementalData";
            case key_update: return "KeyUpdate";
            case compressed_certificate: return "CompressedCertificate";
            default: return name(code);
        }
    }
}
