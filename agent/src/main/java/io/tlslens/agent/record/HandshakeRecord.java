package io.tlslens.agent.record;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Everything recorded about one handshake (or one post-handshake exchange), independent of the
 * stack that ran it: the input to diagnosis and to telemetry.
 */
public final class HandshakeRecord {

    private final String stack;
    private final Role role;
    private final boolean postHandshake;
    private final long startNanos;
    private final long endNanos;
    private final List<RecordedMessage> messages;
    private final Peer peer;
    private final List<X509Certificate> peerCertificates;
    private final List<X509Certificate> localCertificates;
    private final Failure failure;
    private final long certificateCheckNanos;
    private final long keySelectionNanos;
    private final List<RecordedDecision> decisions;

    HandshakeRecord(String stack, Role role, boolean postHandshake, long startNanos, long endNanos,
                    List<RecordedMessage> messages, Peer peer, List<X509Certificate> peerCertificates,
                    List<X509Certificate> localCertificates, Failure failure, long certificateCheckNanos,
                    long keySelectionNanos, List<RecordedDecision> decisions) {
        this.stack = stack;
        this.role = role;
        this.postHandshake = postHandshake;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.messages = List.copyOf(messages);
        this.peer = peer;
        this.peerCertificates = List.copyOf(peerCertificates);
        this.localCertificates = List.copyOf(localCertificates);
        this.failure = failure;
        this.certificateCheckNanos = certificateCheckNanos;
        this.keySelectionNanos = keySelectionNanos;
        this.decisions = List.copyOf(decisions);
    }

    /** The reference stack's negotiation decisions, in the order taken; empty for SunJSSE. */
    public List<RecordedDecision> decisions() {
        return decisions;
    }

    /**
     * How long the peer's certificates spent in the application's trust manager (validation,
     * revocation checks, whatever a custom one does); 0 when none was checked or it was not measured.
     */
    public long certificateCheckNanos() {
        return certificateCheckNanos;
    }

    /**
     * How long the application's key manager took to choose this side's certificate and key; 0
     * when this side presented none or it was not measured.
     */
    public long keySelectionNanos() {
        return keySelectionNanos;
    }

    /** {@code jsse} or {@code reference}. */
    public String stack() {
        return stack;
    }

    public Role role() {
        return role;
    }

    /** A NewSessionTicket or KeyUpdate after the handshake, recorded on its own. */
    public boolean isPostHandshake() {
        return postHandshake;
    }

    public long startNanos() {
        return startNanos;
    }

    public long endNanos() {
        return endNanos;
    }

    /** In wire order (the order this side sent or processed them). */
    public List<RecordedMessage> messages() {
        return messages;
    }

    public Peer peer() {
        return peer;
    }

    /** The peer's chain, leaf first, as the session holds it; empty when not known. */
    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    /** This side's chain as sent, leaf first; empty when none was sent. */
    public List<X509Certificate> localCertificates() {
        return localCertificates;
    }

    public boolean established() {
        return failure == null;
    }

    /** {@code null} when the handshake was established. */
    public Failure failure() {
        return failure;
    }
}
