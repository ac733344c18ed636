package io.tlslens.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.tlslens.agent.record.EpochClock;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.RecordedDecision;
import io.tlslens.agent.record.RecordedMessage;
import io.tlslens.observe.Decision;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A handshake span's events: one per message, in wire order, and for the reference stack one per
 * negotiation decision, placed between the messages where it was taken.
 */
final class SpanEvents {

    private SpanEvents() {
    }

    static void add(Span span, HandshakeRecord record, EpochClock clock) {
        List<RecordedMessage> messages = record.messages();
        List<RecordedDecision> decisions = record.decisions();
        int d = 0;
        for (int m = 0; m < messages.size(); m++) {
            while (d < decisions.size() && decisions.get(d).messagesBefore() <= m) {
                addDecision(span, decisions.get(d++), clock);
            }
            RecordedMessage message = messages.get(m);
            span.addEvent(message.name(), MessageAttributes.of(message), clock.toEpochNanos(message.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }
        while (d < decisions.size()) {
            addDecision(span, decisions.get(d++), clock);
        }
    }

    private static void addDecision(Span span, RecordedDecision recorded, EpochClock clock) {
        span.addEvent(TlsAttributes.DECISION_EVENT, attributes(recorded.decision()),
                clock.toEpochNanos(recorded.nanoTime()), TimeUnit.NANOSECONDS);
    }

    static Attributes attributes(Decision decision) {
        AttributesBuilder builder = Attributes.builder()
                .put(TlsAttributes.DECISION_SUBJECT, decision.subject())
                .put(TlsAttributes.DECISION_REASON, decision.reason());
        decision.outcome().ifPresent(outcome -> builder.put(TlsAttributes.DECISION_OUTCOME, outcome));
        decision.evidence().forEach((name, list) ->
                builder.put(AttributeKey.stringArrayKey(TlsAttributes.DECISION_EVIDENCE_PREFIX + name), list));
        return builder.build();
    }
}
