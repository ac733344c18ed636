package io.tlslens.agent.jsse;

import static io.tlslens.agent.testing.Spans.bool;
import static io.tlslens.agent.testing.Spans.eventNames;
import static io.tlslens.agent.testing.Spans.longValue;
import static io.tlslens.agent.testing.Spans.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.tlslens.agent.testing.Spans;
import io.tlslens.examples.scenario.Stack;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The handshake spans one scenario produced on one stack, and the contract every one of them must keep. */
final class HandshakeSpans {

    /** The event the reference stack adds for each of its negotiation decisions. */
    static final String DECISION = "tlslens.decision";
    private static final Set<String> DIRECTIONS = Set.of("sent", "received");

    private final List<Span> spans;
    private final Stack stack;

    HandshakeSpans(List<Span> spans, Stack stack) {
        this.spans = spans;
        this.stack = stack;
    }

    /** The stack the scenario ran on. */
    Stack stack() {
        return stack;
    }

    List<Span> all() {
        return spans;
    }

    List<Span> of(String role) {
        return spans.stream().filter(span -> span.getName().equals("TLS " + role + " handshake"))
                .collect(Collectors.toList());
    }

    /** The post-handshake spans of {@code role}: tickets, key updates, a verdict that came after the handshake. */
    List<Span> postHandshake(String role) {
        return spans.stream().filter(span -> span.getName().equals("TLS " + role + " post-handshake"))
                .collect(Collectors.toList());
    }

    /** The only handshake span of {@code role}. */
    Span only(String role) {
        List<Span> matching = of(role);
        if (matching.size() != 1) {
            fail("expected one " + role + " handshake span, got " + matching.size() + ": " + describe());
        }
        return matching.get(0);
    }

    String describe() {
        return spans.stream().map(Spans::describe).collect(Collectors.joining("\n"));
    }

    /** What the telemetry contract promises of every handshake span. */
    void assertContract() {
        assertFalse(spans.isEmpty(), "no spans");
        for (Span span : spans) {
            String context = Spans.describe(span);
            boolean post = span.getName().endsWith("post-handshake");
            String role = string(span, "tlslens.role");
            assertTrue(role.equals("client") || role.equals("server"), context);
            assertEquals("TLS " + role + (post ? " post-handshake" : " handshake"), span.getName(), context);
            assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, span.getKind(), context);
            assertEquals(stack.toString(), string(span, "tlslens.stack"), context);
            assertEquals("tls", string(span, "tls.protocol.name"), context);
            assertTrue(span.getEndTimeUnixNano() >= span.getStartTimeUnixNano(), context);
            long previous = span.getStartTimeUnixNano();
            for (Span.Event event : span.getEventsList()) {
                if (event.getName().equals(DECISION)) {
                    assertNotNull(Spans.string(event, "tlslens.decision.subject"), context);
                    assertNotNull(Spans.string(event, "tlslens.decision.reason"), context);
                } else {
                    assertTrue(DIRECTIONS.contains(Spans.string(event, "tlslens.direction")), context);
                    assertTrue(Spans.longValue(event, "tlslens.message.length") > 0, context);
                }
                assertTrue(event.getTimeUnixNano() >= previous, "events out of order: " + context);
                assertTrue(event.getTimeUnixNano() <= span.getEndTimeUnixNano(), context);
                previous = event.getTimeUnixNano();
            }
            boolean established = bool(span, "tls.established");
            if (established) {
                assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.getStatus().getCode(), context);
                if (!post) {
                    assertNotNull(string(span, "tls.protocol.version"), context);
                }
                if (!post) {
                    assertNotNull(string(span, "tls.cipher"), context);
                    assertNotNull(bool(span, "tls.resumed"), context);
                    boolean resumed12 = bool(span, "tls.resumed") && "1.2".equals(string(span, "tls.protocol.version"));
                    if (!resumed12) { // an abbreviated TLS 1.2 handshake exchanges no keys
                        assertNotNull(string(span, "tls.curve"), context);
                    }
                    assertTrue(eventNames(span).contains("Finished"), context);
                }
            } else {
                assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.getStatus().getCode(), context);
                assertNotNull(string(span, "error.type"), context);
                assertTrue(Set.of("local", "peer").contains(string(span, "tlslens.failure.side")), context);
                assertNotNull(string(span, "tlslens.failure.detail"), context);
                assertNotNull(string(span, "tlslens.failure.hint"), context);
                assertFalse(span.getStatus().getMessage().isEmpty(), context);
            }
            if (!post && role.equals("client") && !span.getEventsList().isEmpty()) {
                assertEquals("ClientHello", span.getEvents(0).getName(), context);
                assertEquals("sent", Spans.string(span.getEvents(0), "tlslens.direction"), context);
            }
            Long peerPort = longValue(span, "network.peer.port");
            assertTrue(peerPort == null || peerPort > 0, context);
        }
    }
}
