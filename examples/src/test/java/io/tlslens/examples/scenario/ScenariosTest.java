package io.tlslens.examples.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario in this JVM (no agent) and checks it does what it claims: good ones complete,
 * failing ones fail on the expected side, with the expected exception, for their own reason.
 */
class ScenariosTest {
    /**
     * Evidence that a failure case failed for its own reason and not another (a client certificate that
     * was never sent would also fail "client-certificate-rejected"): a fragment of a class name or message
     * in the detecting side's exception chain, in SunJSSE's wording (JDK 11 to 21).
     */
    private static final Map<String, String> EVIDENCE = Map.ofEntries(
            Map.entry("untrusted-unknown-ca", "SunCertPathBuilderException"),
            Map.entry("untrusted-self-signed", "SunCertPathBuilderException"),
            Map.entry("untrusted-missing-intermediate", "SunCertPathBuilderException"),
            Map.entry("certificate-expired", "CertificateExpiredException"),
            Map.entry("certificate-not-yet-valid", "CertificateNotYetValidException"),
            Map.entry("certificate-revoked", "Certificate has been revoked, reason: KEY_COMPROMISE"),
            Map.entry("ocsp-not-stapled", "OCSP response error: TRY_LATER"),
            Map.entry("hostname-mismatch", "No subject alternative DNS name matching localhost"),
            Map.entry("no-common-cipher-suite", "no cipher suites in common"),
            Map.entry("protocol-version-mismatch", "[TLSv1.3] are not accepted by server preferences [TLSv1.2]"),
            Map.entry("no-common-alpn", "No matching application layer protocol"),
            Map.entry("client-certificate-required", "Empty client certificate chain"),
            Map.entry("client-certificate-rejected", "SunCertPathBuilderException"),
            Map.entry("unrecognized-sni", "Unrecognized server name indication"),
            Map.entry("no-common-group", "No common named group"),
            Map.entry("no-common-signature-algorithm", "No available authentication scheme"),
            Map.entry("peer-closed-mid-handshake", "Remote host terminated the handshake"),
            Map.entry("not-tls", "Unsupported or unrecognized SSL message"),
            Map.entry("handshake-timeout", "Read timed out"),
            Map.entry("malformed-server-hello", "Illegal handshake message"));

    /**
     * The alert the other side receives, where there is a TLS peer to receive one. Not every time: the
     * detecting side closes its socket with the peer's later records unread, so the kernel answers them
     * with a reset, and a peer that writes after the reset arrived fails with "Broken pipe" or
     * "Connection reset" instead (as it would against any JSSE server).
     */
    private static final Map<String, String> PEER_ALERT = Map.ofEntries(
            Map.entry("untrusted-unknown-ca", "certificate_unknown"),
            Map.entry("untrusted-self-signed", "certificate_unknown"),
            Map.entry("untrusted-missing-intermediate", "certificate_unknown"),
            Map.entry("certificate-expired", "certificate_unknown"),
            Map.entry("certificate-not-yet-valid", "certificate_unknown"),
            Map.entry("certificate-revoked", "certificate_revoked"),
            Map.entry("ocsp-not-stapled", "certificate_unknown"),
            Map.entry("hostname-mismatch", "certificate_unknown"),
            Map.entry("no-common-cipher-suite", "handshake_failure"),
            Map.entry("protocol-version-mismatch", "protocol_version"),
            Map.entry("no-common-alpn", "no_application_protocol"),
            Map.entry("client-certificate-required", "bad_certificate|certificate_required"),
            Map.entry("client-certificate-rejected", "certificate_unknown|bad_certificate"),
            Map.entry("unrecognized-sni", "unrecognized_name"),
            Map.entry("no-common-group", "unexpected_message|handshake_failure|insufficient_security"),
            Map.entry("no-common-signature-algorithm", "handshake_failure"));

    private static final String RESET = "SocketException: (Broken pipe|Connection reset)";

    private static ScenarioContext context;

    @BeforeAll
    static void createContext() {
        context = new ScenarioContext();
    }

    @AfterAll
    static void closeContext() throws IOException {
        context.close();
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioBehavesAsExpected() {
        return Scenarios.all().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            assumeTrue(scenario.unavailableReason().isEmpty(), () -> scenario.unavailableReason().get());
            Outcome outcome = scenario.run(context);
            Expectation expected = scenario.expectation();
            if (expected.expectsSuccess()) {
                assertTrue(outcome.succeeded(), outcome::describe);
                return;
            }
            Throwable failure = outcome.failure(expected.detectedBy());
            assertTrue(expected.exception().isInstance(failure),
                    () -> "expected " + expected + ", got " + outcome.describe());
            String evidence = EVIDENCE.get(scenario.name());
            assertNotNull(evidence, "no evidence listed for " + scenario.name());
            assertTrue(chain(failure).contains(evidence), () -> "'" + evidence + "' not in " + chain(failure));
            String alert = PEER_ALERT.get(scenario.name());
            if (alert != null) {
                Throwable peer = outcome.failure(expected.detectedBy() == Side.CLIENT ? Side.SERVER : Side.CLIENT);
                assertNotNull(peer, () -> "the peer did not fail: " + outcome.describe());
                Pattern seen = Pattern.compile("Received fatal alert: (" + alert + ")|" + RESET);
                assertTrue(seen.matcher(chain(peer)).find(),
                        () -> "expected alert " + alert + " or a reset, the peer saw " + chain(peer));
            }
        }));
    }

    @Test
    void catalogueNamesAreUniqueAndCommandLineFriendly() {
        List<String> names = Scenarios.all().stream().map(Scenario::name).collect(Collectors.toList());
        assertEquals(names.size(), names.stream().distinct().count(), () -> "duplicate names in " + names);
        for (String name : names) {
            assertTrue(name.matches("[a-z0-9]+(-[a-z0-9]+)*"), name);
            assertEquals(name, Scenarios.byName(name).orElseThrow().name());
        }
    }

    /** Class names and messages of a throwable and its causes, in one string. */
    private static String chain(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(t.getClass().getName()).append(": ").append(t.getMessage()).append(" <- ");
        }
        return out.toString();
    }
}
