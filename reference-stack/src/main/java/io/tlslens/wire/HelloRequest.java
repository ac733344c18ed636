package io.tlslens.wire;

/** HelloRequest (RFC 5246 §7.4.1.1): a TLS 1.2 server asks the client to renegotiate. */
public final class HelloRequest extends EmptyHandshakeMessage {
    public static HelloRequest decode(byte[] body) throws DecodeException {
        return decodeBody(body, r -> new HelloRequest());
    }

    @Override
    public int type() {
        return HandshakeType.hello_request;
    }
}
