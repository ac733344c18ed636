package io.tlslens.observe;

import io.tlslens.wire.Alert;
import io.tlslens.wire.HandshakeMessage;

/**
 * What the reference stack tells an observer about one connection, in the order it happens, on the
 * thread that drives the connection. Every method has an empty default so an observer picks what
 * it needs. Implementations must be quick and must not throw; the stack guards each call anyway,
 * because an observer must never change the outcome of a handshake.
 *
 * <p>Nothing here carries a secret: a derived secret is reported by its label only. Secrets go to
 * a {@code io.tlslens.stack.KeyLog}, and only when key logging was asked for.
 */
public interface HandshakeObserver {

    /** Observes nothing. */
    HandshakeObserver NONE = new HandshakeObserver() { };

    /** A handshake message (during or after the handshake) was queued for the peer. */
    default void messageSent(HandshakeMessage message) { }

    /** A handshake message from the peer was decoded, before it is acted on. */
    default void messageReceived(HandshakeMessage message) { }

    /** A ChangeCipherSpec record (TLS 1.2, or TLS 1.3 middlebox compatibility) was queued for the peer. */
    default void changeCipherSpecSent() { }

    /** A ChangeCipherSpec record arrived from the peer. */
    default void changeCipherSpecReceived() { }

    /** An alert was queued for the peer. */
    default void alertSent(Alert alert) { }

    /** An alert arrived from the peer. */
    default void alertReceived(Alert alert) { }

    /**
     * A secret of the key schedule was derived: its NSS key log label, e.g.
     * {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, or the RFC 8446 label for secrets the key log has no
     * name for ({@code res master}).
     */
    default void secretDerived(String label) { }

    /** A negotiation decision, with the reason and the evidence it was taken on. */
    default void decision(Decision decision) { }

    /** The peer's certificate chain went through the trust decision, which took {@code nanos}. */
    default void peerCertificatesChecked(long nanos) { }

    /**
     * The application's key manager was asked for this side's certificate, and took {@code nanos}
     * to answer (once per question: a TLS 1.2 server may ask per key exchange).
     */
    default void localCredentialsChosen(long nanos) { }

    /** The handshake completed; what was agreed. */
    default void established(Negotiated negotiated) { }

    /**
     * The handshake or connection failed; the alert (sent or received) was reported before this.
     * {@code cause} is the exception the application sees.
     */
    default void failed(Exception cause) { }
}
