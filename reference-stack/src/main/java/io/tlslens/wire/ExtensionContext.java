package io.tlslens.wire;

/**
 * The message an extension appears in. Several extensions have a different shape in each
 * (RFC 8446 §4.2: key_share is a list in ClientHello, one entry in ServerHello and a bare group in
 * HelloRetryRequest), so extensions are always decoded in their context. SERVER_HELLO covers the
 * TLS 1.2 ServerHello too, which carries what TLS 1.3 moved to EncryptedExtensions.
 */
public enum ExtensionContext {
    CLIENT_HELLO,
    SERVER_HELLO,
    HELLO_RETRY_REQUEST,
    ENCRYPTED_EXTENSIONS,
    /** A TLS 1.3 CertificateEntry. */
    CERTIFICATE,
    CERTIFICATE_REQUEST,
    NEW_SESSION_TICKET
}
