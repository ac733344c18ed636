package io.tlslens.examples.scenario.good;

import io.tlslens.examples.net.LoopbackHttpsServer;
import io.tlslens.examples.net.Timeouts;
import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import io.tlslens.examples.scenario.BaseScenario;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Outcome;
import io.tlslens.examples.scenario.ScenarioContext;
import java.io.InputStream;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;

/**
 * Produces no error.type: the legacy {@code HttpsURLConnection} (SSLSocket inside, with its default
 * hostname verifier) GETs from the JDK's {@code HttpsServer}.
 */
public final class HttpsUrlConnectionScenario extends BaseScenario {
    public HttpsUrlConnectionScenario() {
        super("httpsurlconnection-httpsserver", "HttpsURLConnection GET from com.sun.net.httpserver.HttpsServer",
                Expectation.success());
    }

    @Override
    public Outcome run(ScenarioContext context) throws Exception {
        Pki pki = context.pki(KeyType.EC_P256);
        try (LoopbackHttpsServer server = new LoopbackHttpsServer(SslContexts.create(pki, pki.server()))) {
            HttpsURLConnection connection = (HttpsURLConnection) server.uri().toURL().openConnection();
            connection.setSSLSocketFactory(SslContexts.create(pki, null).getSocketFactory());
            connection.setConnectTimeout(Timeouts.millis(Timeouts.IO));
            connection.setReadTimeout(Timeouts.millis(Timeouts.IO));
            int status;
            try (InputStream body = connection.getInputStream()) {
                status = connection.getResponseCode();
                body.readAllBytes();
            } catch (Exception e) {
                return Outcome.of(e, null, List.of(), List.of());
            } finally {
                connection.disconnect(); // no keep-alive connection left behind for the next scenario
            }
            return Outcome.of(null, null, List.of(), List.of())
                    .check(() -> status == 200 ? null : "HTTP status " + status);
        }
    }
}
