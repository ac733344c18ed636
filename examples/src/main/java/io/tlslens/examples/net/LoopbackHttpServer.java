package io.tlslens.examples.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * The JDK's plain-HTTP {@code com.sun.net.httpserver.HttpServer} on 127.0.0.1 and an ephemeral port:
 * where a scenario publishes what a CA publishes (a CRL, an OCSP responder) for the JDK's revocation
 * checker to fetch.
 */
public final class LoopbackHttpServer implements AutoCloseable {
    private final HttpServer server;

    public LoopbackHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(Loopback.ADDRESS, 0), 0);
        server.start(); // with no executor set, requests run on the server's own dispatcher thread
    }

    /** {@code http://127.0.0.1:PORT/path}: known before anything is published there (a certificate names it). */
    public String url(String path) {
        return "http://" + Loopback.ADDRESS.getHostAddress() + ":" + server.getAddress().getPort() + "/" + path;
    }

    /**
     * Answers every request under {@code path} with what {@code respond} makes of its body: a POST's
     * body, or for a GET the base64 (URL-encoded) after the path, as RFC 6960's GET form puts an OCSP
     * request; an empty array for a plain GET.
     */
    public void publish(String path, String contentType, UnaryOperator<byte[]> respond) {
        server.createContext("/" + path, exchange -> {
            try {
                byte[] body = respond.apply(request(exchange, path));
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } finally {
                exchange.close();
            }
        });
    }

    private static byte[] request(HttpExchange exchange, String path) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream in = exchange.getRequestBody()) {
                return in.readAllBytes();
            }
        }
        String rest = exchange.getRequestURI().getRawPath().substring(path.length() + 1);
        rest = rest.startsWith("/") ? rest.substring(1) : rest;
        return Base64.getDecoder().decode(URLDecoder.decode(rest, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
