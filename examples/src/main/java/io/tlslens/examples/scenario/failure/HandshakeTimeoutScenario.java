package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.net.Timeouts;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.RawServerScenario;
import io.tlslens.examples.scenario.Side;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Produces error.type {@code handshake_timeout}: the server accepts and never answers; the client's read times out. */
public final class HandshakeTimeoutScenario extends RawServerScenario {
    public HandshakeTimeoutScenario() {
        super("handshake-timeout",
                "a raw server accepts and never answers; the client gives up after its " + Timeouts.IMPATIENT.toMillis()
                        + " ms read timeout",
                Expectation.failure(ErrorType.HANDSHAKE_TIMEOUT, Side.CLIENT, SocketTimeoutException.class)
                        .jsseOnly("the reference stack's socket keeps a handshake whose read timed out open for the "
                                + "application to continue and reports no failure, so TLSLens ends it only after "
                                + "handshake.timeout.ms, when this gallery has finished"));
    }

    @Override
    protected Duration clientReadTimeout() {
        return Timeouts.IMPATIENT;
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        // Swallow the ClientHello and wait, silent, until the client gives up and closes.
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[1024];
        try {
            int read;
            do {
                read = in.read(sink);
            } while (read >= 0);
        } catch (IOException e) {
            // The client may reset rather than close; either way it has given up, which was the point.
        }
    }
}
