package io.tlslens.wire;

import java.util.OptionalInt;

/**
 * Decodes the handshake messages of one connection, both directions, in order. Certificate,
 * CertificateRequest, CertificateVerify, NewSessionTicket, ServerKeyExchange and ClientKeyExchange
 * have no shape of their own: it depends on the negotiated version or key exchange. The decoder
 * learns both from each ServerHello that is not a HelloRetryRequest (supported_versions, else
 * legacy_version), so that a TLS 1.2 renegotiation that changes the suite is followed too.
 * Not thread-safe: one instance per connection, fed in wire order.
 */
public final class HandshakeDecoder {
    private int version = -1;
    private int cipherSuite = -1;

    /** A decoder that learns the version and cipher suite from the ServerHello. */
    public HandshakeDecoder() {
    }

    /** A decoder for a connection whose ServerHello was not seen, e.g. when attached mid-connection. */
    public HandshakeDecoder(int version, int cipherSuite) {
        this.version = version;
        this.cipherSuite = cipherSuite;
    }

    /** The negotiated version, once known. */
    public OptionalInt version() {
        return version < 0 ? OptionalInt.empty() : OptionalInt.of(version);
    }

    /** The negotiated cipher suite, once known. */
    public OptionalInt cipherSuite() {
        return cipherSuite < 0 ? OptionalInt.empty() : OptionalInt.of(cipherSuite);
    }

    /** Decodes a whole message: msg_type, 3-byte length, body. Offsets count from the message start. */
    public HandshakeMessage decode(byte[] messageWithHeader) throws DecodeException {
        WireReader r = new WireReader(messageWithHeader);
        int type = r.u8("msg_type");
        int length = r.u24("length");
        if (length != r.remaining()) {
            throw new DecodeException("length: header says " + length + " bytes, " + r.remaining() + " follow", 1);
        }
        return decode(type, r);
    }

    /** Decodes a message body of the given HandshakeType. */
    public HandshakeMessage decode(int type, byte[] body) throws DecodeException {
        return decode(type, new WireReader(body));
    }

    private HandshakeMessage decode(int type, WireReader r) throws DecodeException {
        HandshakeMessage message = decodeBody(type, r);
        r.expectEnd();
        if (message instanceof ServerHello && !((ServerHello) message).isHelloRetryRequest()) {
            version = ((ServerHello) message).selectedVersion();
            cipherSuite = ((ServerHello) message).cipherSuite();
        }
        return message;
    }

    private HandshakeMessage decodeBody(int type, WireReader r) throws DecodeException {
        switch (type) {
            case HandshakeType.hello_request:
                return new HelloRequest();
            case HandshakeType.client_hello:
                return ClientHello.decode(r);
            case HandshakeType.server_hello:
                return ServerHello.decode(r);
            case HandshakeType.new_session_ticket:
                return NewSessionTicket.decode(r, negotiated(version, type, r));
            case HandshakeType.end_of_early_data:
                return new EndOfEarlyData();
            case HandshakeType.encrypted_extensions:
                return EncryptedExtensions.decode(r);
            case HandshakeType.certificate:
                return Certificate.decode(r, negotiated(version, type, r));
            case HandshakeType.server_key_exchange:
                return ServerKeyExchange.decode(r, negotiated(version, type, r), negotiated(cipherSuite, type, r));
            case HandshakeType.certificate_request:
                return CertificateRequest.decode(r, negotiated(version, type, r));
            case HandshakeType.server_hello_done:
                return new ServerHelloDone();
            case HandshakeType.certificate_verify:
                return CertificateVerify.decode(r, negotiated(version, type, r));
            case HandshakeType.client_key_exchange:
                return ClientKeyExchange.decode(r, negotiated(cipherSuite, type, r));
            case HandshakeType.finished:
                return Finished.decode(r);
            case HandshakeType.certificate_status:
                return CertificateStatus.decode(r);
            case HandshakeType.key_update:
                return KeyUpdate.decode(r);
            default:
                return new UnknownHandshakeMessage(type, r.rest());
        }
    }

    /** {@code value}, the negotiated version or cipher suite, once a ServerHello has set it. */
    private static int negotiated(int value, int type, WireReader r) throws DecodeException {
        if (value < 0) {
            throw new DecodeException(HandshakeType.messageName(type)
                    + " before any ServerHello: its shape depends on what the ServerHello negotiated", r.position());
        }
        return value;
    }
}
