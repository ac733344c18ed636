package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Negotiated;
import io.tlslens.observe.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP clients of the JDK on the provider, against the JDK's HttpsServer on the provider too:
 * {@code java.net.http.HttpClient} (an SSLEngine consumer with strict expectations) and
 * {@code HttpsURLConnection} (an SSLSocket consumer).
 */
class HttpTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Negotiated> negotiated = new CopyOnWriteArrayList<>();
    private HttpsServer server;
    private URI uri;

    @BeforeEach
    void startServer() throws IOException {
        server = start(SERVER);
        uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/");
        Observation.install((client, host, port) -> !client ? HandshakeObserver.NONE : new HandshakeObserver() {
            @Override
            public void established(Negotiated result) {
                negotiated.add(result);
            }
        });
    }

    private HttpsServer start(TestPki.Issued certificate) throws IOException {
        SSLContext serverContext = TestPki.tlsLens(certificate.keyManagers(), CA.trustManagers());
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = serverContext.getDefaultSSLParameters();
                ssl.setApplicationProtocols(new String[] {"http/1.1"});
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            byte[] body = ("hello over " + ((HttpsExchange) exchange).getSSLSession().getProtocol())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(executor);
        server.start();
        return server;
    }

    @AfterEach
    void stopServer() {
        Observation.reset();
        server.stop(0);
        executor.shutdownNow();
    }

    private static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder().version(version)
                .sslContext(TestPki.tlsLens(null, CA.trustManagers())).build();
    }

    @Test
    void httpClientSpeaksHttp11() throws Exception {
        HttpResponse<String> response = client(HttpClient.Version.HTTP_1_1)
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("hello over TLSv1.3", response.body());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
        assertEquals("TLSv1.3", response.sslSession().orElseThrow().getProtocol());
    }

    /** HttpsServer speaks HTTP/1.1 only: the client offers h2 through ALPN, the server picks http/1.1. */
    @Test
    void httpClientOffersH2ThroughAlpnAndFallsBackToWhatTheServerChose() throws Exception {
        HttpClient client = client(HttpClient.Version.HTTP_2);

        HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals("hello over TLSv1.3", first.body());
        assertEquals("hello over TLSv1.3", second.body());
        assertEquals(HttpClient.Version.HTTP_1_1, first.version());
        assertTrue(negotiated.stream().allMatch(n -> n.applicationProtocol().orElse("").equals("http/1.1")),
                negotiated.toString());
    }

    @Test
    void httpClientVerifiesTheHostName() throws IOException {
        HttpsServer otherHost = start(TestPki.OTHER_HOST);
        try {
            URI wrongHost = URI.create("https://localhost:" + otherHost.getAddress().getPort() + "/");
            HttpClient client = client(HttpClient.Version.HTTP_1_1);

            IOException failure = assertThrows(IOException.class,
                    () -> client.send(HttpRequest.newBuilder(wrongHost).build(), HttpResponse.BodyHandlers.ofString()));

            assertTrue(failure instanceof SSLHandshakeException, failure.toString());
            assertTrue(String.valueOf(failure.getMessage()).contains("localhost"), failure.getMessage());
        } finally {
            otherHost.stop(0);
        }
    }

    @Test
    void httpsUrlConnectionFetchesThroughTheSocketFactory() throws Exception {
        URL url = uri.toURL();
        HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
        connection.setSSLSocketFactory(TestPki.tlsLens(null, CA.trustManagers()).getSocketFactory());

        try (InputStream in = connection.getInputStream()) {
            assertEquals(200, connection.getResponseCode());
            assertEquals("hello over TLSv1.3", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("TLS_AES_128_GCM_SHA256", connection.getCipherSuite());
        } finally {
            connection.disconnect();
        }
    }
}
