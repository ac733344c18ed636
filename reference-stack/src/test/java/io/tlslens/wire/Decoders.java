package io.tlslens.wire;

/** Every public static decode entry point, by message type, for tests that must reach all of them. */
final class Decoders {
    private Decoders() {
    }

    static HandshakeMessage decodeStatic(int type, byte[] body, int version, int cipherSuite) throws DecodeException {
        switch (type) {
            case HandshakeType.hello_request: return HelloRequest.decode(body);
            case HandshakeType.client_hello: return ClientHello.decode(body);
            case HandshakeType.server_hello: return ServerHello.decode(body);
            case HandshakeType.new_session_ticket: return NewSessionTicket.decode(body, version);
            case HandshakeType.end_of_early_data: return EndOfEarlyData.decode(body);
            case HandshakeType.encrypted_extensions: return EncryptedExtensions.decode(body);
            case HandshakeType.certificate: return Certificate.decode(body, version);
            case HandshakeType.server_key_exchange: return ServerKeyExchange.decode(body, version, cipherSuite);
            case HandshakeType.certificate_request: return CertificateRequest.decode(body, version);
            case HandshakeType.server_hello_done: return ServerHelloDone.decode(body);
            case HandshakeType.certificate_verify: return CertificateVerify.decode(body, version);
            case HandshakeType.client_key_exchange: return ClientKeyExchange.decode(body, cipherSuite);
            case HandshakeType.finished: return Finished.decode(body);
            case HandshakeType.certificate_status: return CertificateStatus.decode(body);
            case HandshakeType.key_update: return KeyUpdate.decode(body);
            default: return new HandshakeDecoder(version, cipherSuite).decode(type, body);
        }
    }
}
