package io.tlslens.stack.handshake;

import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Negotiated;
import io.tlslens.wire.Alert;
import io.tlslens.wire.HandshakeMessage;

/**
 * Passes every event on to the application's observer and drops what it throws: an observer must
 * never change the outcome of a handshake.
 */
public final class GuardedObserver implements HandshakeObserver {
    private final HandshakeObserver delegate;

    public GuardedObserver(HandshakeObserver delegate) {
        this.delegate = delegate;
    }

    @Override
    public void messageSent(HandshakeMessage message) {
        guard(() -> delegate.messageSent(message));
    }

    @Override
    public void messageReceived(HandshakeMessage message) {
        guard(() -> delegate.messageReceived(message));
    }

    @Override
    public void changeCipherSpecSent() {
        guard(delegate::changeCipherSpecSent);
    }

    @Override
    public void changeCipherSpecReceived() {
        guard(delegate::changeCipherSpecReceived);
    }

    @Override
    public void alertSent(Alert alert) {
        guard(() -> delegate.alertSent(alert));
    }

    @Override
    public void alertReceived(Alert alert) {
        guard(() -> delegate.alertReceived(alert));
    }

    @Override
    public void secretDerived(String label) {
        guard(() -> delegate.secretDerived(label));
    }

    @Override
    public void decision(Decision decision) {
        guard(() -> delegate.decision(decision));
    }

    @Override
    public void peerCertificatesChecked(long nanos) {
        guard(() -> delegate.peerCertificatesChecked(nanos));
    }

    @Override
    public void localCredentialsChosen(long nanos) {
        guard(() -> delegate.localCredentialsChosen(nanos));
    }

    @Override
    public void established(Negotiated negotiated) {
        guard(() -> delegate.established(negotiated));
    }

    @Override
    public void failed(Exception cause) {
        guard(() -> delegate.failed(cause));
    }

    private static void guard(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError e) {
            // dropped on purpose: observing must not break the connection
        }
    }
}
