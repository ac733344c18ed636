package io.tlslens.agent.testing.apps;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * An application that knows nothing of TLSLens: an HTTPS server ({@code com.sun.net.httpserver})
 * on the default SSLContext, and clients on the JDK's defaults, each one request to it:
 * {@code httpclient} ({@code java.net.http.HttpClient}), {@code httpsurlconnection}
 * ({@code HttpsURLConnection}'s default factory) and {@code tls-context}
 * ({@code SSLContext.getInstance("TLS")} with default managers). Keys and trust come from the
 * {@code javax.net.ssl.*} system properties. Runs the clients named in the arguments (all when
 * none), prints {@code NAME STATUS BODY} or {@code FAIL NAME EXCEPTION} per client, and exits 1
 * if any failed.
 */
public final class HttpsDefaultsApp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> ALL = List.of("httpclient", "httpsurlconnection", "tls-context");

    public static void main(String[] args) throws Exception {
        SSLContext defaultContext = SSLContext.getDefault();
        System.out.println("default-provider " + defaultContext.getProvider().getName());
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(defaultContext));
        server.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/");
        boolean failed = false;
        try {
            for (String client : args.length == 0 ? ALL : Arrays.asList(args)) {
                try {
                    System.out.println(client + " " + request(client, uri));
                } catch (Exception e) {
                    System.out.println("FAIL " + client + " " + e);
                    failed = true;
                }
            }
        } finally {
            server.stop(0);
        }
        System.exit(failed ? 1 : 0);
    }

    private static String request(String client, URI uri) throws Exception {
        switch (client) {
            case "httpclient":
                HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
                        .send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() + " " + response.body();
            case "httpsurlconnection":
                return get((HttpsURLConnection) uri.toURL().openConnection());
            case "tls-context":
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, null, null);
                HttpsURLConnection connection = (HttpsURLConnection) uri.toURL().openConnection();
                connection.setSSLSocketFactory(tls.getSocketFactory());
                return get(connection) + " " + tls.getProvider().getName();
            default:
                throw new IllegalArgumentException("no client " + client);
        }
    }

    private static String get(HttpsURLConnection connection) throws IOException {
        connection.setConnectTimeout((int) TIMEOUT.toMillis());
        connection.setReadTimeout((int) TIMEOUT.toMillis());
        try (InputStream in = connection.getInputStream()) {
            return connection.getResponseCode() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
