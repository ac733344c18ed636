package io.tlslens.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.tlslens.agent.record.Conversation;
import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.Flights;
import io.tlslens.agent.record.Peer;
import io.tlslens.agent.record.Role;
import io.tlslens.wire.AlertDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class LadderTest {

    private static final Pattern RIGHTWARDS = Pattern.compile("^ *\\d+\\.\\d{3}  (\\S.*?) -{3,}>$");
    private static final Pattern LEFTWARDS = Pattern.compile("^ *\\d+\\.\\d{3}  <-{3,} (\\S.*)$");

    private final Spans spans = new Spans();

    private static List<String> lines(String ladder) {
        return Arrays.asList(ladder.split("\n"));
    }

    private static void assertFits(String ladder) {
        for (String line : lines(ladder)) {
            assertTrue(line.length() <= Ladder.WIDTH, "at most 80 columns (" + line.length() + "): [" + line + "]");
            assertFalse(line.contains("\r") || line.contains("\t"), "no stray control characters: [" + line + "]");
        }
    }

    /** The arrows, in order, as "label -->" or "<-- label". */
    private static List<String> arrows(String ladder) {
        List<String> out = new ArrayList<>();
        for (String line : lines(ladder)) {
            java.util.regex.Matcher right = RIGHTWARDS.matcher(line);
            java.util.regex.Matcher left = LEFTWARDS.matcher(line);
            if (right.matches()) {
                out.add(right.group(1) + " -->");
            } else if (left.matches()) {
                out.add("<-- " + left.group(1));
            }
        }
        return out;
    }

    /** The text after {@code lead}, with its continuation lines joined back. */
    private static String paragraph(String ladder, String lead) {
        List<String> all = lines(ladder);
        String indent = " ".repeat(lead.length());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith(lead)) {
                StringBuilder text = new StringBuilder(all.get(i).substring(lead.length()));
                for (int j = i + 1; j < all.size() && all.get(j).startsWith(indent)
                        && !all.get(j).substring(indent.length()).startsWith(" "); j++) {
                    text.append(' ').append(all.get(j).substring(indent.length()));
                }
                return text.toString();
            }
        }
        throw new AssertionError("no line starting with [" + lead + "] in\n" + ladder);
    }

    @Test
    void successfulClientHandshake() {
        Conversation c = new Conversation(Role.CLIENT).tls13Full();
        SpanData span = spans.write(c.completed(new Peer("localhost", "127.0.0.1", 8443, 51000),
                Flights.pki().server().chain(), List.of()));
        String ladder = Ladder.render(span);

        assertFits(ladder);
        List<String> lines = lines(ladder);
        assertTrue(lines.get(0).startsWith("TLS client handshake  localhost:8443 (127.0.0.1)  "), lines.get(0));
        assertTrue(lines.get(0).endsWith(" ms  [jsse]"), lines.get(0));
        assertTrue(lines.get(1).contains("client (this JVM)") && lines.get(1).trim().endsWith("server"), lines.get(1));
        assertEquals(List.of("ClientHello -->", "<-- ServerHello", "<-- ChangeCipherSpec", "<-- EncryptedExtensions",
                "<-- Certificate", "<-- CertificateVerify", "<-- Finished", "ChangeCipherSpec -->", "Finished -->"),
                arrows(ladder));
        assertTrue(lines.get(2).startsWith("   0.000  ClientHello "), "offset from the first message: " + lines.get(2));
        assertTrue(lines.get(3).startsWith("   1.000  <"), "one millisecond later: " + lines.get(3));
        String summary = lines.get(2 + 9);
        assertEquals("  TLS 1.3  TLS_AES_128_GCM_SHA256  x25519  alpn=h2  sni=localhost  full", summary);
        assertFalse(ladder.contains("FAILED"));
    }

    @Test
    void timeInTheApplicationsManagersIsShownAsAShareOfTheHandshake() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13("localhost"));
        c.recorder.keySelected(0, 2_500_000);
        c.tls13ServerFlight("localhost", Flights.pki().server().chain(), null);
        String ladder = Ladder.render(spans.write(c.completed()));
        // ClientHello at T0, the completion eight steps of 1 ms later.
        assertTrue(lines(ladder).contains("  key selection (key manager): 2.5 ms of the 8.0 ms"), ladder);
        assertFalse(ladder.contains("certificate check"), "this server checked no certificate: " + ladder);
    }

    @Test
    void serverSideArrowsStillRunClientToServer() {
        Conversation c = new Conversation(Role.SERVER).tls13Full();
        String ladder = Ladder.render(spans.write(c.completed(new Peer(null, "10.0.0.9", 50123, 8443), List.of(),
                List.of())));
        assertFits(ladder);
        assertTrue(lines(ladder).get(1).trim().endsWith("server (this JVM)"), lines(ladder).get(1));
        assertFalse(lines(ladder).get(1).contains("client (this JVM)"));
        assertEquals(List.of("ClientHello -->", "<-- ServerHello", "<-- ChangeCipherSpec", "<-- EncryptedExtensions",
                "<-- Certificate", "<-- CertificateVerify", "<-- Finished", "ChangeCipherSpec -->", "Finished -->"),
                arrows(ladder), "the ClientHello this server received still goes client -> server");
        assertTrue(lines(ladder).get(0).startsWith("TLS server handshake  localhost:8443 (10.0.0.9)"),
                lines(ladder).get(0));
    }

    @Test
    void failureShowsTheDiagnosisWrappedUnder80Columns() {
        Conversation c = new Conversation(Role.CLIENT);
        SpanData span = spans.write(SpanWriterTest.expiredServerFailure(c));
        String ladder = Ladder.render(span);

        assertFits(ladder);
        assertEquals("Alert fatal certificate_expired -->", arrows(ladder).get(arrows(ladder).size() - 1));
        assertTrue(ladder.contains("\n  FAILED: certificate_expired (local side, alert certificate_expired)\n"), ladder);
        String detail = span.getAttributes().get(TlsAttributes.FAILURE_DETAIL);
        String hint = span.getAttributes().get(TlsAttributes.FAILURE_HINT);
        assertTrue(detail.length() > 80, "a detail long enough to wrap: " + detail);
        assertEquals(detail, paragraph(ladder, "  why: "));
        assertEquals(hint, paragraph(ladder, "  fix: "));
        assertTrue(lines(ladder).stream().filter(l -> l.startsWith("  why: ")).count() == 1);
        int why = lines(ladder).indexOf(lines(ladder).stream().filter(l -> l.startsWith("  why: ")).findFirst().get());
        assertTrue(lines(ladder).get(why + 1).startsWith("       "), "continuation indented under the text");
    }

    @Test
    void aLongListOfOfferedSuitesWraps() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13("localhost"));
        c.alertFromServer(AlertDescription.handshake_failure);
        SSLHandshakeException cause = new SSLHandshakeException("no cipher suites in common");
        SpanData span = spans.write(c.failed(new Failure(Failure.Origin.LOCAL_ERROR, 40, "no cipher suites in common",
                cause), new Peer(null, "10.0.0.9", 50123, 8443)));
        String ladder = Ladder.render(span);
        assertFits(ladder);
        assertTrue(ladder.contains("FAILED: no_common_cipher_suite (local side, alert handshake_failure)"), ladder);
        assertEquals(span.getAttributes().get(TlsAttributes.FAILURE_DETAIL), paragraph(ladder, "  why: "));
        assertEquals(List.of("ClientHello -->", "<-- Alert fatal handshake_failure"), arrows(ladder));
    }

    @Test
    void aLongServerNameAndAnIpv6PeerStillFitTheHeader() {
        String host = "payments-gateway.internal.eu-west-1.prod.example-corporation.com";
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13(host));
        c.fromServer(Flights.serverHello13(0x1301, 0x1D, false));
        SpanData span = spans.write(c.completed(new Peer(host, "2001:db8:85a3::8a2e:370:7334", 443, 51000), List.of(),
                List.of()));
        String ladder = Ladder.render(span);
        assertTrue(ladder.contains(host), "the server name is shown");
        assertFits(ladder);
    }

    @Test
    void aSlowPeerStillFitsTheTimeColumn() {
        // A server that answers after two minutes (a client certificate picked by hand, a stalled middlebox).
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        byte[] serverHello = Flights.serverHello13(0x1301, 0x1D, false);
        c.recorder.message(io.tlslens.agent.record.Direction.RECEIVED, Conversation.T0 + 120_000_000_000L, 22,
                serverHello, serverHello.length);
        SpanData span = spans.write(c.recorder.completed(Conversation.T0 + 121_000_000_000L, Peer.UNKNOWN, List.of(),
                List.of()));
        String ladder = Ladder.render(span);
        assertEquals(List.of("ClientHello -->", "<-- ServerHello"), arrows(ladder));
        assertFits(ladder);
    }

    @Test
    void postHandshakeSpanHasNoColumnHeader() {
        Conversation c = new Conversation(Role.CLIENT).tls13Full();
        c.completed();
        c.fromServer(Flights.newSessionTicket13(3600));
        String ladder = Ladder.render(spans.write(c.returned.get(0)));
        assertFits(ladder);
        assertTrue(lines(ladder).get(0).startsWith("TLS client post-handshake"), ladder);
        assertFalse(ladder.contains("(this JVM)"));
        assertEquals(List.of("<-- NewSessionTicket"), arrows(ladder));
    }

    @Test
    void wrapKeepsEveryWordAndTheWidth() {
        String text = Arrays.stream(new String[60]).map(s -> "word").collect(Collectors.joining(" "))
                + " CN=TLSLens,O=Example,OU=A-rather-long-organisational-unit-name";
        String wrapped = Ladder.wrap("  why: ", text);
        assertTrue(wrapped.endsWith("\n"));
        assertFits(wrapped);
        assertEquals(text, paragraph(wrapped, "  why: "));
        assertEquals("", Ladder.wrap("  fix: ", null));
        assertEquals("  fix: short\n", Ladder.wrap("  fix: ", "short"));
    }
}
