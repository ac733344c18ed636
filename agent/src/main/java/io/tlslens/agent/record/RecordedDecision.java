package io.tlslens.agent.record;

import io.tlslens.observe.Decision;

/** A negotiation decision of the reference stack, with when it was taken. */
public final class RecordedDecision {

    private final long nanoTime;
    private final Decision decision;

    public RecordedDecision(long nanoTime, Decision decision) {
        this.nanoTime = nanoTime;
        this.decision = decision;
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
