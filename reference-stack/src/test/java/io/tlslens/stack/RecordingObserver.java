package io.tlslens.stack;

import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Negotiated;
import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.HandshakeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps what a connection reported, in order: events as short strings, and the values themselves. */
final class RecordingObserver implements HandshakeObserver {
    final List<String> events = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();
    final List<Long> certificateChecks = new ArrayList<>();
    final List<Long> credentialChoices = new ArrayList<>();
    Negotiated negotiated;
    Exception failure;

    @Override
    public void messageSent(HandshakeMessage message) {
        events.add("sent " + message.name());
    }

    @Override
    public void messageReceived(HandshakeMessage message) {
        events.add("received " + message.name());
    }

    @Override
    public void changeCipherSpecSent() {
        events.add("sent ChangeCipherSpec");
    }

    @Override
    public void changeCipherSpecReceived() {
        events.add("received ChangeCipherSpec");
    }

    @Override
    public void alertSent(Alert alert) {
        events.add("sent alert " + AlertDescription.name(alert.description()));
    }

    @Override
    public void alertReceived(Alert alert) {
        events.add("received alert " + AlertDescription.name(alert.description()));
    }

    @Override
    public void secretDerived(String label) {
        secrets.add(label);
    }

    @Override
    public void decision(Decision decision) {
        decisions.add(decision);
    }

    @Override
    public void peerCertificatesChecked(long nanos) {
        certificateChecks.add(nanos);
    }

    @Override
    public void localCredentialsChosen(long nanos) {
        credentialChoices.add(nanos);
    }

    @Override
    public void established(Negotiated n) {
        events.add("established");
        negotiated = n;
    }

    @Override
    public void failed(Exception cause) {
        events.add("failed");
        failure = cause;
    }

    /** The last decision on {@code subject}. */
    Optional<Decision> decision(String subject) {
        Decision found = null;
        for (Decision d : decisions) {
            if (d.subject().equals(subject)) {
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Only the message events ("sent X" / "received X"), without alerts and outcome. */
    List<String> messages() {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            if (e.startsWith("sent ") || e.startsWith("received ")) {
                if (!e.contains(" alert ")) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
