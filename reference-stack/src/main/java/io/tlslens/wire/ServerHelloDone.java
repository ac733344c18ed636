package io.tlslens.wire;

/** ServerHelloDone (RFC 5246 §7.4.5): the TLS 1.2 server has sent its hello messages. */
public final class ServerHelloDone extends EmptyHandshakeMessage {
    public static ServerHelloDone decode(byte[] body) throws DecodeException {
        return decodeBody(body, r -> new ServerHelloDone());
    }

    @Override
    public int type() {
        return HandshakeType.server_hello_done;
    }
}
