package io.tlslens.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the HTTP transport refuses, and that it says why (the SDK path is covered by {@link OtlpReceiverTest}). */
class OtlpHttpReceiverTest {
    private final OtlpHttpReceiver receiver = OtlpHttpReceiver.start();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void close() {
        receiver.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder post(String path, String contentType, byte[] body) {
        return HttpRequest.newBuilder(URI.create(receiver.endpoint() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    @Test
    void acceptsAProtobufExportWithAnEmptyResponse() throws Exception {
        byte[] body = TelemetryStoreTest.request("svc", TelemetryStoreTest.span("s")).toByteArray();

        HttpResponse<String> response = send(post("/v1/traces", "application/x-protobuf", body));

        assertEquals(200, response.statusCode());
        assertEquals("application/x-protobuf", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("", response.body());
        assertEquals("s", receiver.spans().get(0).getName());
    }

    @Test
    void refusesJsonBecauseOnlyHttpProtobufIsDecoded() throws Exception {
        HttpResponse<String> response = send(post("/v1/traces", "application/json", "{}".getBytes()));

        assertEquals(415, response.statusCode());
        assertTrue(receiver.rejectedExports().get(0).contains("application/json"), receiver.rejectedExports().toString());
    }

    @Test
    void refusesAnUndecodableBody() throws Exception {
        HttpResponse<String> response = send(post("/v1/metrics", "application/x-protobuf", new byte[] {(byte) 0xff}));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("undecodable"), response.body());
    }

    @Test
    void refusesGetAndUnknownPaths() throws Exception {
        assertEquals(405, send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/logs")).GET())
                .statusCode());
        assertEquals(404, send(post("/v1/traces/extra", "application/x-protobuf", new byte[0])).statusCode());
        assertEquals(2, receiver.rejectedExports().size());
    }
}
