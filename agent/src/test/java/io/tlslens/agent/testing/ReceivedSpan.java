package io.tlslens.agent.testing;

import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;

/** A span as an OTLP receiver got it: OTLP sends the resource and scope once per batch, not per span. */
public final class ReceivedSpan {
    private final Resource resource;
    private final InstrumentationScope scope;
    private final Span span;

    ReceivedSpan(Resource resource, InstrumentationScope scope, Span span) {
        this.resource = resource;
        this.scope = scope;
        this.span = span;
    }

    public Resource resource() {
        return resource;
    }

    public InstrumentationScope scope() {
        return scope;
    }

    public Span span() {
        return span;
    }

    /** A resource attribute (e.g. {@code service.name}) as a plain Java value, null when absent. */
    public Object resourceAttribute(String key) {
        return Spans.toMap(resource.getAttributesList()).get(key);
    }

    @Override
    public String toString() {
        return Spans.describe(span) + " service.name=" + resourceAttribute("service.name");
    }
}
