package io.tlslens.examples.scenario;

import io.tlslens.examples.net.Exchange;
import io.tlslens.examples.net.LoopbackServer;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;

/** The JSSE server side every SSLSocket scenario uses: handshake, note what was negotiated, answer one line. */
public final class TlsServer {
    private TlsServer() {
    }

    /**
     * A handler for {@link LoopbackServer#tls} connections.
     *
     * @param configure changes to each accepted socket before its handshake
     * @param seen      receives what the server saw of each completed handshake
     */
    public static LoopbackServer.ConnectionHandler handler(Consumer<SSLSocket> configure, List<Negotiated> seen) {
        return socket -> {
            long acceptedAt = System.currentTimeMillis();
            SSLSocket tls = (SSLSocket) socket;
            configure.accept(tls);
            tls.startHandshake();
            seen.add(Negotiated.of(tls, acceptedAt));
            Exchange.asServer(tls);
        };
    }
}
