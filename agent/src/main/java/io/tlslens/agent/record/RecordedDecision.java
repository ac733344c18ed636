package io.tlslens.agent.record;

import io.tlslens.observe.Decision;

/**
 * A negotiation decision of the reference stack, with when it was taken and where among the
 * handshake's messages: the stack reports both in one order, which timestamps alone may not keep.
 */
public final class RecordedDecision {

    private final long nanoTime;
    private final Decision decision;
    private final int messagesBefore;

    RecordedDecision(long nanoTime, Decision decision, int messagesBefore) {
        this.nanoTime = nanoTime;
        this.decision = decision;
        this.messagesBefore = messagesBefore;
    }

    /** How many of the record's messages came before the decision was taken. */
    public int messagesBefore() {
        return messagesBefore;
    }

    public long nanoTime() {
        return nanoTime;
    }

    public Decision decision() {
        return decision;
    }

    /** Whether the decision found nothing acceptable, which fails the handshake. */
    public boolean failed() {
        return decision.outcome().isEmpty();
    }

    @Override
    public String toString() {
        return decision.toString();
    }
}
