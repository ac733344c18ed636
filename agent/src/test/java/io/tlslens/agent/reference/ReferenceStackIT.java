package io.tlslens.agent.reference;

import static io.tlslens.agent.testing.Spans.bool;
import static io.tlslens.agent.testing.Spans.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdk;
import io.tlslens.agent.testing.Keystores;
import io.tlslens.agent.testing.OtlpHttpReceiver;
import io.tlslens.agent.testing.OtlpReceiver;
import io.tlslens.agent.testing.Spans;
import io.tlslens.agent.testing.TestPaths;
import io.tlslens.agent.testing.apps.CipherMismatchApp;
import io.tlslens.agent.testing.apps.HttpsDefaultsApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code stack=reference} with applications that know nothing of it, in child JVMs with the built
 * agent jar, on each JDK: the JDK's own HTTPS APIs run on the reference stack, and their
 * handshakes reach a real OTLP receiver as spans of the telemetry contract with
 * {@code tlslens.stack=reference}, the stack's decisions among the messages, and failures
 * diagnosed on the side that detected them.
 */
class ReferenceStackIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SPANS_TIMEOUT = Duration.ofSeconds(20);
    private static final Set<String> HANDSHAKE_SPANS = Set.of("TLS client handshake", "TLS server handshake");
    private static final List<String> TLS13_MESSAGES = List.of("ClientHello", "ServerHello", "EncryptedExtensions",
            "Certificate", "CertificateVerify", "Finished", "Finished");
    private static final List<String> RESUMED_MESSAGES = List.of("ClientHello", "ServerHello", "EncryptedExtensions",
            "Finished", "Finished");

    private static OtlpReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = OtlpHttpReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void jdkHttpsApisRunOnTheReferenceStackAndAreRecorded(Jdk jdk, TestInfo testInfo) throws IOException {
        Path keystore = Keystores.selfSigned(jdk, freshDir("java" + jdk.featureVersion() + "-good"), 30);
        receiver.clear();
        try (ChildJvm app = child(testInfo, jdk, keystore, keystore, HttpsDefaultsApp.class).start()) {
            assertEquals(0, app.awaitExit(RUN_TIMEOUT), app::describe);
            app.withOutputOnFailure(() -> {
                String stdout = app.stdout();
                assertTrue(stdout.contains("default-provider TLSLens\n"), "SSLContext.getDefault() is not swapped");
                assertTrue(stdout.contains("httpclient 200 hello\n"), "java.net.http.HttpClient");
                assertTrue(stdout.contains("httpsurlconnection 200 hello\n"), "HttpsURLConnection");
                assertTrue(stdout.contains("tls-context 200 hello TLSLens\n"), "SSLContext.getInstance(\"TLS\")");
                assertTrue(app.stderr().lines().anyMatch(line -> line.startsWith("[tlslens] stack=reference: "
                        + "SSLContexts use the TLSLens reference stack")), "no line saying the stack was swapped");
                return null;
            });
            List<Span> spans = app.withOutputOnFailure(() -> receiver.awaitSpans(
                    span -> HANDSHAKE_SPANS.contains(span.getName()), 6, SPANS_TIMEOUT));
            app.withOutputOnFailure(() -> {
                assertEquals(6, spans.size(), () -> describe(spans));
                for (Span span : spans) {
                    assertContract(span);
                    assertTrue(bool(span, "tls.established"), () -> Spans.describe(span));
                    assertEquals("1.3", string(span, "tls.protocol.version"), () -> Spans.describe(span));
                    assertNotNull(string(span, "tls.cipher"), () -> Spans.describe(span));
                    assertNotNull(string(span, "tls.curve"), () -> Spans.describe(span));
                    assertTrue(Spans.list(span, "tls.client.supported_ciphers").contains(string(span, "tls.cipher")));
                    boolean client = "client".equals(string(span, "tlslens.role"));
                    // HttpsURLConnection shares the default context's tickets with HttpClient: it may resume.
                    boolean resumed = bool(span, "tls.resumed");
                    assertEquals(resumed ? RESUMED_MESSAGES : TLS13_MESSAGES, messages(span), () -> Spans.describe(span));
                    assertEquals(directions(client, resumed ? RESUMED_MESSAGES : TLS13_MESSAGES), directions(span),
                            () -> Spans.describe(span));
                    if (!resumed) {
                        assertTrue(string(span, "tls.server.subject").contains("CN=localhost"),
                                () -> Spans.describe(span));
                        assertTrue(string(span, "tls.server.hash.sha256").matches("[0-9A-F]{64}"));
                    }
                    if (client) {
                        assertEquals("localhost", string(span, "server.address"), () -> Spans.describe(span));
                        assertTrue(Spans.longValue(span, "server.port") > 0, () -> Spans.describe(span));
                    } else {
                        assertChosenSuiteIsTheCipher(span);
                    }
                }
                assertEquals(2, spans.stream().filter(span -> !bool(span, "tls.resumed")
                        && "client".equals(string(span, "tlslens.role"))).count(),
                        () -> "HttpClient's and the fresh TLS context's handshakes are full: " + describe(spans));
                assertEquals(3, spans.stream().filter(span -> "client".equals(string(span, "tlslens.role"))).count(),
                        () -> describe(spans));
                return null;
            });
        }
    }

    /**
     * The same unmodified application with its clients pinned to TLS 1.2 the way operators do it
     * ({@code jdk.tls.client.protocols}): the reference stack's TLS 1.2 handshakes, both sides, carry
     * the same contract.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void clientsPinnedToTls12RunTls12OnTheReferenceStack(Jdk jdk, TestInfo testInfo) throws IOException {
        Path keystore = Keystores.selfSigned(jdk, freshDir("java" + jdk.featureVersion() + "-tls12"), 30);
        receiver.clear();
        try (ChildJvm app = child(testInfo, jdk, keystore, keystore, HttpsDefaultsApp.class)
                .systemProperty("jdk.tls.client.protocols", "TLSv1.2").args("httpclient", "httpsurlconnection").start()) {
            assertEquals(0, app.awaitExit(RUN_TIMEOUT), app::describe);
            List<Span> spans = app.withOutputOnFailure(() -> receiver.awaitSpans(
                    span -> HANDSHAKE_SPANS.contains(span.getName()), 4, SPANS_TIMEOUT));
            app.withOutputOnFailure(() -> {
                for (Span span : spans) {
                    assertContract(span);
                    assertTrue(bool(span, "tls.established"), () -> Spans.describe(span));
                    assertEquals("1.2", string(span, "tls.protocol.version"), () -> Spans.describe(span));
                    assertTrue(string(span, "tls.cipher").startsWith("TLS_ECDHE_"), () -> Spans.describe(span));
                    List<String> messages = messages(span);
                    assertEquals(List.of("ClientHello", "ServerHello"), messages.subList(0, 2), () -> Spans.describe(span));
                    assertEquals("Finished", messages.get(messages.size() - 1), () -> Spans.describe(span));
                    if (!bool(span, "tls.resumed")) {
                        assertNotNull(string(span, "tls.curve"), () -> Spans.describe(span));
                        assertTrue(messages.containsAll(List.of("Certificate", "ServerKeyExchange", "ServerHelloDone",
                                "ClientKeyExchange")), () -> Spans.describe(span));
                    }
                    assertTrue(Spans.eventNames(span).contains("ChangeCipherSpec"), () -> Spans.describe(span));
                    assertTrue(Spans.events(span, "tlslens.decision").stream().anyMatch(event ->
                            "version".equals(Spans.string(event, "tlslens.decision.subject"))
                                    && "TLSv1.2".equals(Spans.string(event, "tlslens.decision.outcome"))),
                            () -> Spans.describe(span));
                }
                return null;
            });
        }
    }

    /**
     * The client refuses the server's self-signed certificate. HttpsServer closes its engine without
     * hearing the client's alert; the server's span still ends then, failed, not after
     * {@code handshake.timeout.ms}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void untrustedServerCertificateIsDiagnosedByTheClient(Jdk jdk, TestInfo testInfo) throws IOException {
        Path keystore = Keystores.selfSigned(jdk, freshDir("java" + jdk.featureVersion() + "-served"), 30);
        Path otherCa = Keystores.selfSigned(jdk, freshDir("java" + jdk.featureVersion() + "-trusted"), 30);
        receiver.clear();
        try (ChildJvm app = child(testInfo, jdk, keystore, otherCa, HttpsDefaultsApp.class).args("httpclient")
                .start()) {
            assertEquals(1, app.awaitExit(RUN_TIMEOUT), app::describe);
            assertTrue(app.stdout().contains("FAIL httpclient javax.net.ssl.SSLHandshakeException"), app::describe);
            Span client = app.withOutputOnFailure(() -> receiver.awaitSpan(
                    span -> span.getName().equals("TLS client handshake"), SPANS_TIMEOUT));
            app.withOutputOnFailure(() -> {
                assertContract(client);
                assertEquals("untrusted_certificate", string(client, "error.type"), () -> Spans.describe(client));
                assertEquals("local", string(client, "tlslens.failure.side"), () -> Spans.describe(client));
                assertEquals("certificate_unknown", string(client, "tlslens.failure.alert"));
                assertTrue(string(client, "tlslens.failure.detail").contains("CN=localhost"),
                        () -> Spans.describe(client));
                assertTrue(string(client, "tlslens.failure.hint").contains("trust store"), () -> Spans.describe(client));
                Span.Event rejected = Spans.events(client, "tlslens.decision").stream()
                        .filter(event -> "certificate".equals(Spans.string(event, "tlslens.decision.subject")))
                        .findFirst().orElseThrow(() -> new AssertionError(Spans.describe(client)));
                assertFalse(Spans.attributes(rejected).containsKey("tlslens.decision.outcome"));
                assertEquals(List.of("ClientHello", "ServerHello", "EncryptedExtensions", "Certificate", "Alert"),
                        messages(client), () -> Spans.describe(client));
                Span server = receiver.awaitSpan(span -> span.getName().equals("TLS server handshake"), SPANS_TIMEOUT);
                assertContract(server);
                assertNotEquals("handshake_timeout", string(server, "error.type"), () -> Spans.describe(server));
                assertTrue(string(server, "tlslens.failure.detail").contains("closed the connection before the handshake"),
                        () -> Spans.describe(server));
                return null;
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void noCommonCipherSuiteIsExplainedByTheServersDecision(Jdk jdk, TestInfo testInfo) throws IOException {
        Path keystore = Keystores.selfSigned(jdk, freshDir("java" + jdk.featureVersion() + "-mismatch"), 30);
        receiver.clear();
        try (ChildJvm app = child(testInfo, jdk, keystore, keystore, CipherMismatchApp.class).start()) {
            assertEquals(0, app.awaitExit(RUN_TIMEOUT), app::describe);
            List<Span> spans = app.withOutputOnFailure(() -> receiver.awaitSpans(
                    span -> HANDSHAKE_SPANS.contains(span.getName()), 2, SPANS_TIMEOUT));
            app.withOutputOnFailure(() -> {
                spans.forEach(ReferenceStackIT::assertContract);
                Span server = only(spans, "server");
                assertEquals("no_common_cipher_suite", string(server, "error.type"), () -> Spans.describe(server));
                assertEquals("local", string(server, "tlslens.failure.side"));
                assertEquals("handshake_failure", string(server, "tlslens.failure.alert"));
                String detail = string(server, "tlslens.failure.detail");
                assertTrue(detail.startsWith("No acceptable cipher suite: ") && detail.contains("TLS_AES_128_GCM_SHA256")
                        && detail.contains("TLS_AES_256_GCM_SHA384"), detail);
                Span.Event failed = decisions(server).stream()
                        .filter(event -> !Spans.attributes(event).containsKey("tlslens.decision.outcome"))
                        .findFirst().orElseThrow(() -> new AssertionError("no failed decision: " + Spans.describe(server)));
                assertEquals("cipher_suite", Spans.string(failed, "tlslens.decision.subject"));
                assertEquals(List.of("ClientHello", "Alert"), messages(server), () -> Spans.describe(server));
                int position = server.getEventsList().indexOf(failed);
                List<String> names = Spans.eventNames(server);
                assertTrue(position > names.indexOf("ClientHello") && position < names.indexOf("Alert"),
                        () -> "the failed decision is not between the ClientHello and the alert: " + names);
                Span client = only(spans, "client");
                assertEquals("peer", string(client, "tlslens.failure.side"), () -> Spans.describe(client));
                assertEquals("handshake_failure", string(client, "tlslens.failure.alert"));
                return null;
            });
        }
    }

    private static ChildJvm.Builder child(TestInfo testInfo, Jdk jdk, Path keystore, Path truststore,
                                          Class<?> mainClass) {
        return ChildJvm.builder(testInfo).jdk(jdk)
                .agentArgs("stack=reference")
                .env(receiver.exporterEnvironment())
                .env("OTEL_SERVICE_NAME", "reference-stack-it")
                .systemProperty("javax.net.ssl.keyStore", keystore.toString())
                .systemProperty("javax.net.ssl.keyStorePassword", Keystores.PASSWORD)
                .systemProperty("javax.net.ssl.trustStore", truststore.toString())
                .systemProperty("javax.net.ssl.trustStorePassword", Keystores.PASSWORD)
                .mainClass(mainClass);
    }

    /** What the telemetry contract promises of every reference-stack handshake span. */
    private static void assertContract(Span span) {
        String context = Spans.describe(span);
        String role = string(span, "tlslens.role");
        assertEquals("TLS " + role + " handshake", span.getName(), context);
        assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, span.getKind(), context);
        assertEquals("reference", string(span, "tlslens.stack"), context);
        assertEquals("tls", string(span, "tls.protocol.name"), context);
        long previous = span.getStartTimeUnixNano();
        for (Span.Event event : span.getEventsList()) {
            assertTrue(event.getTimeUnixNano() >= previous, "events out of order: " + context);
            assertTrue(event.getTimeUnixNano() <= span.getEndTimeUnixNano(), context);
            previous = event.getTimeUnixNano();
            if (event.getName().equals("tlslens.decision")) {
                assertNotNull(Spans.string(event, "tlslens.decision.subject"), context);
                assertNotNull(Spans.string(event, "tlslens.decision.reason"), context);
            } else {
                assertTrue(Set.of("sent", "received").contains(Spans.string(event, "tlslens.direction")), context);
                assertTrue(Spans.longValue(event, "tlslens.message.length") > 0, context);
            }
        }
        if (bool(span, "tls.established")) {
            assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.getStatus().getCode(), context);
        } else {
            assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.getStatus().getCode(), context);
            assertNotNull(string(span, "error.type"), context);
            assertNotNull(string(span, "tlslens.failure.detail"), context);
            assertNotNull(string(span, "tlslens.failure.hint"), context);
        }
        if ("client".equals(role)) {
            assertEquals("ClientHello", messages(span).get(0), context);
        }
        if (bool(span, "tls.established")) {
            assertTrue(Spans.list(span, "tlslens.client.versions").contains(string(span, "tls.protocol.version")), context);
        }
    }

    /** The server's cipher suite decision is on its span, between the ClientHello and the ServerHello. */
    private static void assertChosenSuiteIsTheCipher(Span server) {
        List<String> names = Spans.eventNames(server);
        List<Span.Event> suite = decisions(server).stream()
                .filter(event -> "cipher_suite".equals(Spans.string(event, "tlslens.decision.subject")))
                .collect(Collectors.toList());
        assertEquals(1, suite.size(), () -> Spans.describe(server));
        assertEquals(string(server, "tls.cipher"), Spans.string(suite.get(0), "tlslens.decision.outcome"));
        assertTrue(Spans.list(suite.get(0), "tlslens.decision.evidence.client.offered")
                .contains(string(server, "tls.cipher")), () -> Spans.attributes(suite.get(0)).toString());
        int position = server.getEventsList().indexOf(suite.get(0));
        assertTrue(position > names.indexOf("ClientHello") && position < names.indexOf("ServerHello"),
                () -> "the decision is not between ClientHello and ServerHello: " + names);
    }

    private static List<Span.Event> decisions(Span span) {
        return Spans.events(span, "tlslens.decision");
    }

    private static List<String> messages(Span span) {
        return Spans.eventNames(span).stream()
                .filter(name -> !name.equals("ChangeCipherSpec") && !name.equals("tlslens.decision"))
                .collect(Collectors.toList());
    }

    private static List<String> directions(Span span) {
        return span.getEventsList().stream()
                .filter(event -> !event.getName().equals("ChangeCipherSpec") && !event.getName().equals("tlslens.decision"))
                .map(event -> Spans.string(event, "tlslens.direction")).collect(Collectors.toList());
    }

    /** Each message of a TLS 1.3 flight comes from the server except the ClientHello and the last Finished. */
    private static List<String> directions(boolean client, List<String> messages) {
        List<String> directions = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            boolean fromClient = i == 0 || i == messages.size() - 1;
            directions.add(fromClient == client ? "sent" : "received");
        }
        return directions;
    }

    private static Span only(List<Span> spans, String role) {
        List<Span> matching = spans.stream().filter(span -> role.equals(string(span, "tlslens.role")))
                .collect(Collectors.toList());
        assertEquals(1, matching.size(), () -> "one " + role + " span expected: " + describe(spans));
        return matching.get(0);
    }

    private static String describe(List<Span> spans) {
        return spans.stream().map(Spans::describe).collect(Collectors.joining("\n"));
    }

    private static Path freshDir(String name) throws IOException {
        Path dir = TestPaths.targetDir().resolve("reference-stack-it").resolve(name);
        Files.createDirectories(dir);
        return dir;
    }
}
