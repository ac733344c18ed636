package io.tlslens.examples.net;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;

/** The JDK's {@code com.sun.net.httpserver.HttpsServer} on 127.0.0.1 and an ephemeral port, answering "hello". */
public final class LoopbackHttpsServer implements AutoCloseable {
    public static final String BODY = "hello\n";

    private final HttpsServer server;

    public LoopbackHttpsServer(SSLContext context) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(Loopback.ADDRESS, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            byte[] body = BODY.getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start(); // with no executor set, requests run on the server's own dispatcher thread
    }

    /** {@code https://127.0.0.1:PORT/}: by address, so both clients check the certificate's IP SAN. */
    public URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
