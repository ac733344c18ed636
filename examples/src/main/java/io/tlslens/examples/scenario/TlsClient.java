package io.tlslens.examples.scenario;

import io.tlslens.examples.net.Exchange;
import io.tlslens.examples.net.Loopback;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The JSSE client every socket scenario uses: connects to 127.0.0.1 as {@code localhost} with HTTPS
 * endpoint identification on (as an HTTPS client library would), handshakes, exchanges a line each way,
 * closes.
 */
public final class TlsClient {
    private TlsClient() {
    }

    /** Connects to a server that greets first ({@link Exchange#asServer}). */
    public static Negotiated connect(SSLContext context, int port, Duration readTimeout,
            Consumer<SSLSocket> configure) throws IOException {
        return connect(context, port, readTimeout, configure, Exchange::asClient);
    }

    /**
     * @param configure    last changes to the socket before the handshake (protocols, ALPN, SNI, ...)
     * @param conversation the application data exchanged after the handshake
     * @return what the client saw of the handshake
     */
    public static Negotiated connect(SSLContext context, int port, Duration readTimeout,
            Consumer<SSLSocket> configure, Exchange.Conversation conversation) throws IOException {
        long connectedAt = System.currentTimeMillis();
        try (SSLSocket socket = Loopback.connectTls(context, port, readTimeout)) {
            Params.edit(socket, parameters -> parameters.setEndpointIdentificationAlgorithm("HTTPS"));
            configure.accept(socket);
            socket.startHandshake();
            Negotiated negotiated = Negotiated.of(socket, connectedAt);
            conversation.run(socket);
            return negotiated;
        }
    }
}
