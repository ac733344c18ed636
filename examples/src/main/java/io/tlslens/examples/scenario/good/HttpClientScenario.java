package io.tlslens.examples.scenario.good;

import io.tlslens.examples.net.LoopbackHttpsServer;
import io.tlslens.examples.net.Timeouts;
import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import io.tlslens.examples.scenario.BaseScenario;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Negotiated;
import io.tlslens.examples.scenario.Outcome;
import io.tlslens.examples.scenario.ScenarioContext;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Produces no error.type: {@code java.net.http.HttpClient} (SSLEngine inside, offers ALPN h2 and
 * http/1.1) GETs from the JDK's {@code HttpsServer} (SSLEngine inside, no ALPN).
 */
public final class HttpClientScenario extends BaseScenario {
    public HttpClientScenario() {
        super("httpclient-httpsserver", "java.net.http.HttpClient GET from com.sun.net.httpserver.HttpsServer",
                Expectation.success());
    }

    @Override
    public Outcome run(ScenarioContext context) throws Exception {
        Pki pki = context.pki(KeyType.EC_P256);
        try (LoopbackHttpsServer server = new LoopbackHttpsServer(SslContexts.create(pki, pki.server()))) {
            // The client's threads are daemons, and it holds no connection once the response is read.
            HttpClient client = HttpClient.newBuilder().sslContext(SslContexts.create(pki, null))
                    .connectTimeout(Timeouts.IO).build();
            HttpRequest request = HttpRequest.newBuilder(server.uri()).timeout(Timeouts.IO).build();
            long sentAt = System.currentTimeMillis();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                return Outcome.of(e, null, List.of(), List.of());
            }
            List<Negotiated> seen = response.sslSession()
                    .map(session -> List.of(Negotiated.of(session, null, sentAt))).orElse(List.of());
            return Outcome.of(null, null, seen, List.of()).check(() -> Checks.first(
                    response.statusCode() == 200 ? null : "HTTP status " + response.statusCode(),
                    seen.isEmpty() ? "the response has no TLS session" : null));
        }
    }
}
