package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.RawServerScenario;
import io.tlslens.examples.scenario.Side;
import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLHandshakeException;

/**
 * Produces error.type {@code decode_error}.
 * The server answers with a well-framed ServerHello whose body is cut short.
 */
public final class MalformedServerHelloScenario extends RawServerScenario {
    /** A TLS 1.2 handshake record holding a ServerHello of 4 bytes: legacy_version and 2 of the 32 random bytes. */
    private static final byte[] TRUNCATED_SERVER_HELLO = {
        0x16, 0x03, 0x03, 0x00, 0x08, // record: handshake, TLS 1.2, 8 bytes
        0x02, 0x00, 0x00, 0x04,       // handshake: server_hello, 4 bytes
        0x03, 0x03, 0x00, 0x00,       // legacy_version 1.2, then the random stops
    };

    public MalformedServerHelloScenario() {
        super("malformed-server-hello", "a raw server answers the ClientHello with a truncated ServerHello",
                Expectation.failure(ErrorType.DECODE_ERROR, Side.CLIENT, SSLHandshakeException.class));
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        readRecord(socket.getInputStream());
        socket.getOutputStream().write(TRUNCATED_SERVER_HELLO);
        socket.getOutputStream().flush();
        // Wait for the client's alert (or its close) so it is not a reset the client sees.
        socket.getInputStream().read(new byte[64]);
    }
}
