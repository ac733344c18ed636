package io.tlslens.wire;

/** EndOfEarlyData (RFC 8446 §4.5): the client's 0-RTT data is over. */
public final class EndOfEarlyData extends EmptyHandshakeMessage {
    public static EndOfEarlyData decode(byte[] body) throws DecodeException {
        return decodeBody(body, r -> new EndOfEarlyData());
    }

    @Override
    public int type() {
        return HandshakeType.end_of_early_data;
    }
}
