package io.tlslens.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpansTest {
    private static KeyValue kv(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    private final Span span = Span.newBuilder()
            .setName("TLS client handshake")
            .addAttributes(kv("tls.protocol.version", AnyValue.newBuilder().setStringValue("1.3").build()))
            .addAttributes(kv("server.port", AnyValue.newBuilder().setIntValue(443).build()))
            .addAttributes(kv("tls.resumed", AnyValue.newBuilder().setStringValue("false").build()))
            .addAttributes(kv("tlslens.client.versions", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
                    .addValues(AnyValue.newBuilder().setStringValue("1.3"))
                    .addValues(AnyValue.newBuilder().setStringValue("1.2"))).build()))
            .addEvents(Span.Event.newBuilder().setName("ClientHello")
                    .addAttributes(kv("tlslens.message.length", AnyValue.newBuilder().setIntValue(512).build())))
            .addEvents(Span.Event.newBuilder().setName("ServerHello"))
            .addEvents(Span.Event.newBuilder().setName("Finished"))
            .addEvents(Span.Event.newBuilder().setName("Finished"))
            .build();

    @Test
    void readsAttributesAsJavaValues() {
        assertEquals("1.3", Spans.string(span, "tls.protocol.version"));
        assertEquals(443L, Spans.longValue(span, "server.port"));
        assertEquals(List.of("1.3", "1.2"), Spans.list(span, "tlslens.client.versions"));
        assertNull(Spans.string(span, "error.type"));
        assertTrue(Spans.withAttribute("server.port", 443L).test(span));
    }

    @Test
    void anAttributeOfTheWrongTypeFails() {
        AssertionError failure = assertThrows(AssertionError.class, () -> Spans.bool(span, "tls.resumed"));
        assertTrue(failure.getMessage().contains("'tls.resumed' is a String (false), not a Boolean"),
                failure.getMessage());
    }

    @Test
    void readsEventsByName() {
        assertEquals(List.of("ClientHello", "ServerHello", "Finished", "Finished"), Spans.eventNames(span));
        assertEquals(512L, Spans.longValue(Spans.event(span, "ClientHello"), "tlslens.message.length"));
        assertEquals(2, Spans.events(span, "Finished").size());
        assertThrows(AssertionError.class, () -> Spans.event(span, "Finished"));
        assertThrows(AssertionError.class, () -> Spans.event(span, "Certificate"));
    }

    @Test
    void describeShowsKeyAttributesFirst() {
        assertEquals("TLS client handshake (SPAN_KIND_UNSPECIFIED) {tls.protocol.version=1.3, server.port=443, +2 more}"
                + " events=[ClientHello, ServerHello, Finished, Finished]", Spans.describe(span));
    }
}
