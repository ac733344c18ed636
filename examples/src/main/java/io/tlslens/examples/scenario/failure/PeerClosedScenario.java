package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.RawServerScenario;
import io.tlslens.examples.scenario.Side;
import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLHandshakeException;

/**
 * Produces error.type {@code peer_closed}.
 * The server reads the ClientHello and closes the connection without a word.
 */
public final class PeerClosedScenario extends RawServerScenario {
    public PeerClosedScenario() {
        super("peer-closed-mid-handshake", "a raw server reads the ClientHello, then closes the connection",
                Expectation.failure(ErrorType.PEER_CLOSED, Side.CLIENT, SSLHandshakeException.class));
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        readRecord(socket.getInputStream());
    }
}
