package io.tlslens.agent.jsse;

import static io.tlslens.agent.testing.Spans.bool;
import static io.tlslens.agent.testing.Spans.list;
import static io.tlslens.agent.testing.Spans.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdk;
import io.tlslens.agent.testing.Jdks;
import io.tlslens.agent.testing.OtlpHttpReceiver;
import io.tlslens.agent.testing.OtlpReceiver;
import io.tlslens.agent.testing.Spans;
import io.tlslens.examples.Gallery;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Scenario;
import io.tlslens.examples.scenario.Scenarios;
import io.tlslens.examples.scenario.Stack;
import io.tlslens.examples.scenario.good.SlowKeyManagerScenario;
import io.tlslens.examples.scenario.good.SlowTrustManagerScenario;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the examples gallery, run in a child JVM with the built agent jar, on each JDK and
 * on each stack (SunJSSE, and the reference stack with {@code stack=reference}): the spans a real OTLP
 * receiver decodes keep the telemetry contract, carry what each scenario negotiated, and name the cause
 * of each failure on the side that detects it; on the reference stack the detecting side's span also
 * carries the stack's decisions. {@code -Dtlslens.test.scenarios=name,name} runs only those scenarios,
 * {@code -Dtlslens.test.stacks=reference} only that stack (while working on them).
 */
class JsseHandshakeIT {

    private static final String SCENARIOS_PROPERTY = "tlslens.test.scenarios";
    private static final String STACKS_PROPERTY = "tlslens.test.stacks";

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SPANS_TIMEOUT = Duration.ofSeconds(15);

    private static final Map<String, Consumer<HandshakeSpans>> SUCCESS_CHECKS = Map.ofEntries(
            Map.entry("tls13-socket", JsseHandshakeIT::tls13FullHandshake),
            Map.entry("tls12-socket", JsseHandshakeIT::tls12FullHandshake),
            Map.entry("tls13-p384", spans -> signedWith(spans, "ecdsa_secp384r1_sha384")),
            Map.entry("tls13-rsa2048", spans -> signedWith(spans, "rsa_pss_rsae_sha256")),
            Map.entry("tls12-rsa2048", spans -> signedWith(spans, "rsa_pss_rsae_sha256")),
            Map.entry("tls13-ed25519", spans -> signedWith(spans, "ed25519")),
            Map.entry("alpn-h2", JsseHandshakeIT::alpn),
            Map.entry("mutual-tls13", JsseHandshakeIT::mutualTls),
            Map.entry("mutual-tls12", JsseHandshakeIT::mutualTls),
            Map.entry("resumption-tls13", spans -> resumed(spans, "1.3")),
            Map.entry("resumption-tls12", spans -> resumed(spans, "1.2")),
            Map.entry("sni-sent", JsseHandshakeIT::sni),
            Map.entry("slow-trust-manager", JsseHandshakeIT::slowTrustManager),
            Map.entry("slow-key-manager", JsseHandshakeIT::slowKeyManager),
            Map.entry("tls13-engine", spans -> bothSides(spans, "1.3")),
            Map.entry("tls12-engine", spans -> bothSides(spans, "1.2")),
            Map.entry("httpclient-httpsserver", spans -> bothSides(spans, "1.3")),
            Map.entry("httpsurlconnection-httpsserver", spans -> bothSides(spans, "1.3")),
            Map.entry("openssl-server-tls13", spans -> oneSide(spans, "client", "1.3")),
            Map.entry("openssl-server-tls12", spans -> oneSide(spans, "client", "1.2")),
            Map.entry("openssl-client-tls13", spans -> oneSide(spans, "server", "1.3")),
            Map.entry("openssl-client-tls12", spans -> oneSide(spans, "server", "1.2")));

    /** What a failure scenario shows beyond its diagnosis on the detecting side. */
    private static final Map<String, Consumer<HandshakeSpans>> FAILURE_CHECKS = Map.of(
            "client-certificate-rejected", JsseHandshakeIT::rejectedAfterTheClientsFinished,
            "certificate-revoked", JsseHandshakeIT::revoked,
            "ocsp-not-stapled", JsseHandshakeIT::revocationStatusUnknown);

    /** The subject of the reference stack's decision that found nothing acceptable, by the failure's error.type. */
    private static final Map<String, String> FAILED_DECISIONS = Map.ofEntries(
            Map.entry("untrusted_certificate", "certificate"),
            Map.entry("certificate_expired", "certificate"),
            Map.entry("certificate_not_yet_valid", "certificate"),
            Map.entry("certificate_revoked", "certificate"),
            Map.entry("hostname_mismatch", "certificate"),
            Map.entry("bad_client_certificate", "certificate"),
            Map.entry("no_common_cipher_suite", "cipher_suite"),
            Map.entry("protocol_version_mismatch", "version"),
            Map.entry("no_common_group", "group"),
            // the server finds no certificate whose key signs with a scheme the client offers
            Map.entry("signature_algorithm_mismatch", "certificate"),
            Map.entry("no_common_application_protocol", "application_protocol"),
            Map.entry("unrecognized_name", "server_name"),
            Map.entry("client_certificate_required", "client_authentication"));

    /** Causes found by the trust manager: diagnosed from its exception, which says more than the decision. */
    private static final Set<String> TRUST_FAILURES = Set.of("untrusted_certificate", "certificate_expired",
            "certificate_not_yet_valid", "certificate_revoked", "hostname_mismatch", "bad_client_certificate");
    private static final String EVIDENCE = "tlslens.decision.evidence.";

    private static OtlpReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = OtlpHttpReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    static Stream<Arguments> scenarios() {
        List<String> selected = selectedScenarios();
        return Jdks.all().stream().flatMap(jdk -> selectedStacks().stream().flatMap(stack -> selected.stream()
                .filter(name -> Scenarios.byName(name).orElseThrow().expectation().appliesTo(stack))
                .map(name -> Arguments.of(jdk, stack, name))));
    }

    /** Both stacks, or those {@value #STACKS_PROPERTY} names ({@code jsse}, {@code reference}). */
    private static List<Stack> selectedStacks() {
        String names = System.getProperty(STACKS_PROPERTY, "").trim();
        if (names.isEmpty()) {
            return List.of(Stack.values());
        }
        return Stream.of(names.split("\\s*,\\s*")).map(name -> Stack.valueOf(name.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toList());
    }

    /** Every scenario, or those {@value #SCENARIOS_PROPERTY} names; a name the gallery lacks fails the run. */
    private static List<String> selectedScenarios() {
        String names = System.getProperty(SCENARIOS_PROPERTY, "").trim();
        if (names.isEmpty()) {
            return Scenarios.all().stream().map(Scenario::name).collect(Collectors.toList());
        }
        List<String> selected = List.of(names.split("\\s*,\\s*"));
        for (String name : selected) {
            Scenarios.byName(name).orElseThrow(() -> new IllegalArgumentException(
                    SCENARIOS_PROPERTY + ": the gallery has no scenario " + name));
        }
        return selected;
    }

    @ParameterizedTest(name = "{2} on {0}, {1}")
    @MethodSource("scenarios")
    void scenarioIsRecordedAsTheContractSays(Jdk jdk, Stack stack, String name, TestInfo testInfo) {
        Expectation expectation = Scenarios.byName(name).orElseThrow().expectation();
        receiver.clear();
        try (ChildJvm app = ChildJvm.builder(testInfo).jdk(jdk)
                .agentArgs("stack=" + stack)
                .env(receiver.exporterEnvironment())
                .env("OTEL_SERVICE_NAME", "jsse-handshake-it")
                .mainClass(Gallery.class)
                .args(name)
                .start()) {
            assertEquals(0, app.awaitExit(RUN_TIMEOUT), app::describe);
            assertTrue(app.stdout().lines().anyMatch(line -> line.startsWith("PASS " + name)),
                    "the scenario did not run as expected (a SKIP means a missing peer such as openssl)\n"
                            + app.describe());
            app.withOutputOnFailure(() -> receiver.awaitSpans(span -> true, 1, SPANS_TIMEOUT));
            HandshakeSpans spans = new HandshakeSpans(receiver.spans().stream()
                    .filter(span -> span.getName().startsWith("TLS ")).collect(Collectors.toList()), stack);
            app.withOutputOnFailure(() -> {
                spans.assertContract();
                if (expectation.expectsSuccess()) {
                    SUCCESS_CHECKS.getOrDefault(name, JsseHandshakeIT::nothingFailed).accept(spans);
                    nothingFailed(spans);
                } else {
                    Span detecting = diagnosedOnTheDetectingSide(spans, expectation);
                    if (stack == Stack.REFERENCE) {
                        decidedBeforeItFailed(detecting, expectation);
                    }
                    FAILURE_CHECKS.getOrDefault(name, nothingMore -> { }).accept(spans);
                }
                return null;
            });
        }
    }

    private static void nothingFailed(HandshakeSpans spans) {
        for (Span span : spans.all()) {
            assertTrue(bool(span, "tls.established"), () -> "failed span in a good scenario: " + Spans.describe(span));
        }
    }

    /** The span of the side that detected the failure, once it is checked. */
    private static Span diagnosedOnTheDetectingSide(HandshakeSpans spans, Expectation expectation) {
        String side = expectation.detectedBy().toString();
        String errorType = expectation.errorType().value();
        List<Span> failed = spans.of(side).stream().filter(span -> !bool(span, "tls.established"))
                .collect(Collectors.toList());
        assertEquals(1, failed.size(), () -> "one failed " + side + " span expected:\n" + spans.describe());
        Span span = failed.get(0);
        assertEquals(errorType, string(span, "error.type"), () -> Spans.describe(span));
        // The side that detects a failure ended the handshake, unless the peer did so by hanging up.
        String endedBy = errorType.equals("peer_closed") ? "peer" : "local";
        assertEquals(endedBy, string(span, "tlslens.failure.side"), () -> Spans.describe(span));
        return span;
    }

    /**
     * On the reference stack, a failure that a negotiation decision found is on the detecting side's span
     * as that decision, without an outcome, after the message it judged and before the alert it caused.
     */
    private static void decidedBeforeItFailed(Span span, Expectation expectation) {
        String subject = FAILED_DECISIONS.get(expectation.errorType().value());
        if (subject == null) {
            return; // no decision to take: the peer hung up, sent no TLS, or nothing came
        }
        List<Span.Event> failed = Spans.events(span, HandshakeSpans.DECISION).stream()
                .filter(event -> !Spans.attributes(event).containsKey("tlslens.decision.outcome"))
                .collect(Collectors.toList());
        assertEquals(1, failed.size(), () -> "one failed decision expected: " + Spans.describe(span));
        assertEquals(subject, Spans.string(failed.get(0), "tlslens.decision.subject"), () -> Spans.describe(span));
        int position = span.getEventsList().indexOf(failed.get(0));
        assertTrue(position > 0, () -> "the failed decision comes first: " + Spans.describe(span));
        List<String> names = Spans.eventNames(span);
        int alert = names.indexOf("Alert");
        assertTrue(alert < 0 || position < alert, () -> "the failed decision follows the alert: " + names);
        if (!TRUST_FAILURES.contains(expectation.errorType().value())) {
            // The decision is the diagnosis: its reason, and every list it compared.
            String detail = string(span, "tlslens.failure.detail");
            assertTrue(detail.startsWith("No acceptable " + subject.replace('_', ' ') + ": "
                    + Spans.string(failed.get(0), "tlslens.decision.reason")), detail);
            Map<String, Object> attributes = Spans.attributes(failed.get(0));
            for (String key : attributes.keySet()) {
                if (key.startsWith(EVIDENCE)) {
                    String evidence = key.substring(EVIDENCE.length()) + ": " + attributes.get(key);
                    assertTrue(detail.contains(evidence), () -> evidence + " not in " + detail);
                }
            }
        }
    }

    /**
     * In TLS 1.3 the client's handshake ends with its Finished, before the server has judged its
     * certificate: the client's handshake span is established, and the server's alert, which the client
     * reads next, is a follow-up span on the client side with the diagnosis.
     */
    private static void rejectedAfterTheClientsFinished(HandshakeSpans spans) {
        Span handshake = spans.only("client");
        assertTrue(bool(handshake, "tls.established"), () -> Spans.describe(handshake));
        assertEquals("1.3", string(handshake, "tls.protocol.version"));
        List<Span> followUps = spans.postHandshake("client");
        assertEquals(1, followUps.size(), spans::describe);
        Span verdict = followUps.get(0);
        assertFalse(bool(verdict, "tls.established"), () -> Spans.describe(verdict));
        assertEquals("bad_client_certificate", string(verdict, "error.type"), () -> Spans.describe(verdict));
        assertEquals("peer", string(verdict, "tlslens.failure.side"), () -> Spans.describe(verdict));
        assertTrue(string(verdict, "tlslens.failure.detail").contains("after the handshake had completed on this side"),
                () -> Spans.describe(verdict));
        assertTrue(string(verdict, "tlslens.failure.detail").contains(
                "this client's certificate O=TLSLens Examples,CN=TLSLens Example Client (issued by O=TLSLens Examples,"
                        + "CN=Unknown Example Root CA)"), () -> Spans.describe(verdict));
        assertTrue(string(verdict, "tls.client.subject").contains("CN=TLSLens Example Client"),
                () -> Spans.describe(verdict));
        assertEquals(List.of("Alert"), messages(verdict), () -> Spans.describe(verdict));
        assertTrue(verdict.getStartTimeUnixNano() >= handshake.getEndTimeUnixNano(), spans::describe);
    }

    /** The client names the revoked certificate, when and why; the server learns its certificate was meant. */
    private static void revoked(HandshakeSpans spans) {
        Span client = spans.only("client");
        String detail = string(client, "tlslens.failure.detail");
        assertTrue(detail.startsWith("The server's certificate O=TLSLens Examples,CN=localhost (serial "), detail);
        assertTrue(detail.contains(" was revoked on ") && detail.contains("(reason KEY_COMPROMISE, said by "
                + "O=TLSLens Examples,CN=TLSLens Example Intermediate CA)"), detail);
        assertEquals("certificate_revoked", string(client, "tlslens.failure.alert"));
        // The trust manager fetched the CRL and said no: its time is measured up to the failure.
        assertTrue(Spans.doubleValue(client, "tlslens.certificate_check.duration") > 0, () -> Spans.describe(client));
        Span server = spans.only("server");
        assertEquals("certificate_revoked", string(server, "error.type"), () -> Spans.describe(server));
        assertEquals("peer", string(server, "tlslens.failure.side"));
        assertTrue(string(server, "tlslens.failure.detail").contains("reported the server's certificate revoked"),
                () -> Spans.describe(server));
    }

    /**
     * The client could not learn the certificate's status; the span says the server stapled none (on
     * SunJSSE), or that the client did not ask for a stapled response (the reference stack never does).
     */
    private static void revocationStatusUnknown(HandshakeSpans spans) {
        Span client = spans.only("client");
        String detail = string(client, "tlslens.failure.detail");
        assertTrue(detail.startsWith("The revocation status of the server's certificate O=TLSLens Examples,"
                + "CN=localhost (serial "), detail);
        assertTrue(detail.contains("could not be established"), detail);
        assertTrue(detail.contains(spans.stack() == Stack.JSSE
                ? "the server stapled no OCSP response although this client asked for one"
                : "this client did not ask the server to staple an OCSP response (the reference stack does not ask for "
                + "stapled OCSP responses)"), detail);
        assertTrue(detail.contains("TRY_LATER"), detail);
        assertTrue(string(client, "tlslens.failure.hint").contains("SOFT_FAIL"), () -> Spans.describe(client));
        assertTrue(Spans.doubleValue(client, "tlslens.certificate_check.duration") > 0, () -> Spans.describe(client));
    }

    private static void tls13FullHandshake(HandshakeSpans spans) {
        Span client = spans.only("client");
        Span server = spans.only("server");
        for (Span span : List.of(client, server)) {
            assertEquals("1.3", string(span, "tls.protocol.version"));
            assertTrue(string(span, "tls.cipher").startsWith("TLS_AES_") || string(span, "tls.cipher").startsWith("TLS_CHACHA20"));
            assertEquals("x25519", string(span, "tls.curve"));
            assertFalse(bool(span, "tls.resumed"));
            assertFalse(bool(span, "tlslens.hello_retry"));
            assertEquals("ecdsa_secp256r1_sha256", string(span, "tlslens.signature_scheme"));
            assertTrue(string(span, "tls.server.subject").contains("CN=localhost"), () -> Spans.describe(span));
            assertTrue(string(span, "tls.server.issuer").contains("CN="), () -> Spans.describe(span));
            assertTrue(string(span, "tls.server.hash.sha256").matches("[0-9A-F]{64}"));
            assertTrue(string(span, "tls.server.not_after").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
            assertTrue(list(span, "tlslens.client.versions").contains("1.3"));
            assertTrue(list(span, "tls.client.supported_ciphers").contains("TLS_AES_128_GCM_SHA256"));
            assertTrue(list(span, "tlslens.client.key_share_groups").contains("x25519"));
            // Over sockets both stacks know the peer's address and the server's port.
            assertEquals("127.0.0.1", string(span, "network.peer.address"), () -> Spans.describe(span));
            assertTrue(Spans.longValue(span, "server.port") > 0, () -> Spans.describe(span));
        }
        assertEquals("localhost", string(client, "server.address"));
        // The client checked the server's chain, within its handshake; the server was shown no chain to check.
        // (No upper bound in seconds: on a loaded machine a plain PKIX check can take half a second.)
        double check = Spans.doubleValue(client, "tlslens.certificate_check.duration");
        assertTrue(check > 0 && check <= seconds(client), () -> Spans.describe(client));
        assertEquals(null, Spans.attributes(server).get("tlslens.certificate_check.duration"));
        // The server's key manager chose its certificate, within its handshake; the client was asked for none.
        keySelectionTimed(server);
        assertEquals(null, Spans.attributes(client).get("tlslens.key_selection.duration"));
        // Both sides fingerprint the same ClientHello. The JDK sends no SNI for a name without a dot: "i".
        assertTrue(string(client, "tls.client.ja3").matches("[0-9a-f]{32}"), () -> Spans.describe(client));
        assertEquals(string(client, "tls.client.ja3"), string(server, "tls.client.ja3"));
        assertTrue(string(client, "tlslens.client.ja4").matches("t13i\\d{4}(h2|00)_[0-9a-f]{12}_[0-9a-f]{12}"),
                () -> Spans.describe(client));
        assertEquals(string(client, "tlslens.client.ja4"), string(server, "tlslens.client.ja4"));
        List<String> expected = List.of("ClientHello", "ServerHello", "EncryptedExtensions", "Certificate",
                "CertificateVerify", "Finished", "Finished");
        assertEquals(expected, withoutChangeCipherSpec(client), () -> Spans.describe(client));
        assertEquals(expected, withoutChangeCipherSpec(server), () -> Spans.describe(server));
        assertDirections(client, "sent", "received", "received", "received", "received", "received", "sent");
        assertDirections(server, "received", "sent", "sent", "sent", "sent", "sent", "received");
    }

    private static void tls12FullHandshake(HandshakeSpans spans) {
        Span client = spans.only("client");
        Span server = spans.only("server");
        // The JDK's server issues an RFC 5077 ticket by default: NewSessionTicket goes before its ChangeCipherSpec.
        List<String> expected = List.of("ClientHello", "ServerHello", "Certificate", "ServerKeyExchange",
                "ServerHelloDone", "ClientKeyExchange", "ChangeCipherSpec", "Finished", "NewSessionTicket",
                "ChangeCipherSpec", "Finished");
        for (Span span : List.of(client, server)) {
            assertEquals("1.2", string(span, "tls.protocol.version"));
            assertTrue(string(span, "tls.cipher").startsWith("TLS_ECDHE_ECDSA_WITH_"), () -> Spans.describe(span));
            assertEquals(expected, messages(span), () -> Spans.describe(span));
            assertEquals("ecdsa_secp256r1_sha256", string(span, "tlslens.signature_scheme"));
            assertTrue(string(span, "tls.server.subject").contains("CN=localhost"));
        }
        assertDirections(client, "sent", "received", "received", "received", "received", "sent", "sent",
                "received", "received");
    }

    private static void signedWith(HandshakeSpans spans, String scheme) {
        for (String role : List.of("client", "server")) {
            assertEquals(scheme, string(spans.only(role), "tlslens.signature_scheme"), spans::describe);
        }
    }

    private static void alpn(HandshakeSpans spans) {
        for (String role : List.of("client", "server")) {
            Span span = spans.only(role);
            assertEquals("h2", string(span, "tls.next_protocol"), () -> Spans.describe(span));
            assertEquals(List.of("h2", "http/1.1"), list(span, "tlslens.client.alpn"));
        }
    }

    private static void mutualTls(HandshakeSpans spans) {
        for (String role : List.of("client", "server")) {
            Span span = spans.only(role);
            assertTrue(string(span, "tls.client.subject").contains("CN="), () -> Spans.describe(span));
            assertTrue(string(span, "tls.client.hash.sha256").matches("[0-9A-F]{64}"));
            assertTrue(messages(span).contains("CertificateRequest"), () -> Spans.describe(span));
            assertEquals(2, Spans.events(span, "Certificate").size(), () -> Spans.describe(span));
            // Both sides presented a certificate, so both key managers were asked for one.
            keySelectionTimed(span);
        }
    }

    /** The key manager's time to choose this side's certificate, within the handshake. */
    private static void keySelectionTimed(Span span) {
        Double keySelection = Spans.doubleValue(span, "tlslens.key_selection.duration");
        assertTrue(keySelection != null && keySelection > 0 && keySelection <= seconds(span), () -> Spans.describe(span));
    }

    private static void resumed(HandshakeSpans spans, String version) {
        List<Span> clients = spans.of("client");
        assertEquals(2, clients.size(), spans::describe);
        assertFalse(bool(clients.get(0), "tls.resumed"), spans::describe);
        assertTrue(bool(clients.get(1), "tls.resumed"), spans::describe);
        for (Span span : clients) {
            assertEquals(version, string(span, "tls.protocol.version"));
        }
        assertFalse(messages(clients.get(1)).contains("Certificate"), spans::describe);
        // The resumed session still knows whose certificate it trusted.
        assertTrue(string(clients.get(1), "tls.server.subject").contains("CN=localhost"), spans::describe);
    }

    private static void sni(HandshakeSpans spans) {
        for (String role : List.of("client", "server")) {
            Span span = spans.only(role);
            assertEquals("localhost", string(span, "server.address"), () -> Spans.describe(span));
            assertEquals("localhost", Spans.string(Spans.event(span, "ClientHello"), "tlslens.message.server_name"));
        }
    }

    /** How long the span lasted. */
    private static double seconds(Span span) {
        return (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1e9;
    }

    private static void slowTrustManager(HandshakeSpans spans) {
        Span client = spans.only("client");
        double check = Spans.doubleValue(client, "tlslens.certificate_check.duration");
        double total = seconds(client);
        // The trust manager sleeps 500 ms: that time is the check's, and within the handshake's.
        assertTrue(check >= SlowTrustManagerScenario.DELAY_MILLIS / 1e3 && check <= total,
                () -> check + " s of " + total + " s: " + Spans.describe(client));
    }

    private static void slowKeyManager(HandshakeSpans spans) {
        Span server = spans.only("server");
        double selection = Spans.doubleValue(server, "tlslens.key_selection.duration");
        double total = seconds(server);
        // The key manager sleeps 500 ms: that time is the key selection's, and within the handshake's.
        assertTrue(selection >= SlowKeyManagerScenario.DELAY_MILLIS / 1e3 && selection <= total,
                () -> selection + " s of " + total + " s: " + Spans.describe(server));
    }

    private static void bothSides(HandshakeSpans spans, String version) {
        oneSide(spans, "client", version);
        oneSide(spans, "server", version);
    }

    private static void oneSide(HandshakeSpans spans, String role, String version) {
        Span span = spans.only(role);
        assertEquals(version, string(span, "tls.protocol.version"), () -> Spans.describe(span));
        assertTrue(bool(span, "tls.established"));
    }

    /** The handshake messages and alerts of a span, without the reference stack's decisions among them. */
    private static List<String> messages(Span span) {
        return Spans.eventNames(span).stream().filter(name -> !name.equals(HandshakeSpans.DECISION))
                .collect(Collectors.toList());
    }

    private static List<String> withoutChangeCipherSpec(Span span) {
        return messages(span).stream().filter(name -> !name.equals("ChangeCipherSpec")).collect(Collectors.toList());
    }

    private static void assertDirections(Span span, String... directions) {
        List<String> actual = span.getEventsList().stream()
                .filter(event -> !event.getName().equals("ChangeCipherSpec") && !event.getName().equals(HandshakeSpans.DECISION))
                .map(event -> Spans.string(event, "tlslens.direction"))
                .collect(Collectors.toList());
        assertEquals(List.of(directions), actual, () -> Spans.describe(span));
    }
}
