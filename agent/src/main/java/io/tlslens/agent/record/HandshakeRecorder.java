package io.tlslens.agent.record;

import io.tlslens.observe.Decision;
import io.tlslens.wire.Alert;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.HandshakeDecoder;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the message stream of one connection into {@link HandshakeRecord}s. Runs on the recorder
 * thread only, so it needs no locking. One decoder serves the whole connection, because the form
 * of later messages depends on the version negotiated earlier.
 */
public final class HandshakeRecorder {

    private static final int NEW_SESSION_TICKET = 4;
    private static final int CERTIFICATE_REQUEST = 13;
    private static final int FINISHED = 20;
    private static final int KEY_UPDATE = 24;
    /** A real handshake has about fifteen messages; past this, a peer is flooding and the rest is not kept. */
    static final int MAX_MESSAGES = 64;

    private final String stack;
    private final HandshakeDecoder decoder = new HandshakeDecoder();
    private Role role;
    private boolean completedOnce;
    private boolean failedOnce;
    private Peer peer = Peer.UNKNOWN;

    private List<RecordedMessage> open;
    private final List<RecordedDecision> decisions = new ArrayList<>();
    private long startNanos;
    private long lastProgressNanos;
    private long certificateCheckNanos;
    private long keySelectionNanos;

    /**
     * The handshake this side completed by sending the last message, after the peer had asked for
     * its certificate (a TLS 1.3 client's Finished): the peer's verdict on that certificate is still
     * to come, as the first record after the handshake. {@code null} once it came, or when none is due.
     */
    private HandshakeRecord awaitingVerdict;
    /** The peer's alert while a verdict is awaited: the rejection, if a fatal failure follows. */
    private RecordedMessage verdictAlert;

    public HandshakeRecorder(String stack) {
        this.stack = stack;
    }

    /**
     * Records one message as a stack copied it, decoding it here. A NewSessionTicket or KeyUpdate
     * after an established handshake is a post-handshake exchange and comes back at once as its own
     * record; otherwise returns {@code null}.
     *
     * @param bytes  the message (handshake: with its 4-byte header), possibly cut short
     * @param length its real length, which is larger than {@code bytes.length} when cut short
     */
    public HandshakeRecord message(Direction direction, long nanoTime, int contentType, byte[] bytes, int length) {
        return message(decode(direction, nanoTime, contentType, bytes, length));
    }

    /** Records one message a stack handed over decoded; returns as {@link #message(Direction, long, int, byte[], int)}. */
    public HandshakeRecord message(RecordedMessage message) {
        long nanoTime = message.nanoTime();
        if (open == null) {
            if (!message.isHandshake()) {
                // close_notify and friends after the handshake belong to no handshake, unless it is
                // the peer's verdict on this side's certificate.
                if (awaitingVerdict != null && message.isAlert() && message.direction() == Direction.RECEIVED) {
                    verdictAlert = message;
                }
                return null;
            }
            awaitingVerdict = null; // the peer went on (a TLS 1.3 server's ticket): it accepted the certificate
            if (completedOnce && isPostHandshake(message.handshakeType())) {
                return new HandshakeRecord(stack, role, true, nanoTime, nanoTime, List.of(message), peer,
                        List.of(), List.of(), null, 0, 0, List.of());
            }
            open(nanoTime);
        }
        if (role == null && message.handshakeType() == 1) {
            role = message.direction() == Direction.SENT ? Role.CLIENT : Role.SERVER;
        }
        if (open.size() < MAX_MESSAGES) {
            open.add(message);
        }
        lastProgressNanos = nanoTime;
        return null;
    }

    /**
     * A negotiation decision (reference stack). One taken before any message, such as a client's
     * choice of what to offer, opens the handshake; one after the handshake belongs to none.
     */
    public void decision(long nanoTime, Decision decision) {
        if (open == null) {
            if (completedOnce || failedOnce) {
                return;
            }
            open(nanoTime);
        }
        if (decisions.size() < MAX_MESSAGES) {
            decisions.add(new RecordedDecision(nanoTime, decision, open.size()));
        }
        lastProgressNanos = nanoTime;
    }

    /** The peer's certificates went through the trust manager between the two times. */
    public void certificatesChecked(long startNanos, long endNanos) {
        if (open != null) {
            certificateCheckNanos += endNanos - startNanos;
            lastProgressNanos = endNanos;
        }
    }

    /** The application's key manager chose this side's certificate between the two times. */
    public void keySelected(long startNanos, long endNanos) {
        if (open != null) {
            keySelectionNanos += endNanos - startNanos;
            lastProgressNanos = endNanos;
        }
    }

    /** The stack says the handshake is established; {@code null} if none was being recorded. */
    public HandshakeRecord completed(long nanoTime, Peer peer, List<X509Certificate> peerCertificates,
                                     List<X509Certificate> localCertificates) {
        if (open == null) {
            return null;
        }
        completedOnce = true;
        this.peer = peer;
        boolean verdictDue = spokeLastAfterCertificateRequest(open);
        HandshakeRecord record = close(nanoTime, peer, peerCertificates, localCertificates, null);
        awaitingVerdict = verdictDue ? record : null;
        verdictAlert = null;
        return record;
    }

    /**
     * The handshake failed. Also produces a record when no message was exchanged yet (the stack
     * could not even start, or the peer's first bytes were not TLS), but not for a failure on an
     * established connection, which is no handshake failure, and only once: the exceptions that
     * follow the first failure of a connection are its echoes. The one failure of an established
     * connection that is recorded is the peer rejecting this side's certificate right after a
     * handshake this side completed (see {@link #awaitingVerdict}): a post-handshake record.
     *
     * @param localRole the role the stack was configured with, used when no ClientHello was seen
     */
    public HandshakeRecord failed(long nanoTime, Failure failure, Peer peer, Role localRole,
                                  List<X509Certificate> peerCertificates) {
        if (open == null) {
            if (awaitingVerdict != null && failure.origin() == Failure.Origin.PEER_ALERT) {
                return rejectedAfterCompletion(nanoTime, failure);
            }
            if (completedOnce || failedOnce || localRole == null) {
                return null;
            }
            open(nanoTime);
        }
        if (role == null) {
            role = localRole;
        }
        failedOnce = true;
        return close(nanoTime, peer, peerCertificates, List.of(), failure);
    }

    /** The peer's fatal alert answered the handshake {@link #awaitingVerdict} names; it carries that alert. */
    private HandshakeRecord rejectedAfterCompletion(long nanoTime, Failure failure) {
        HandshakeRecord handshake = awaitingVerdict;
        List<RecordedMessage> alert = verdictAlert == null ? List.of() : List.of(verdictAlert);
        long start = verdictAlert == null ? nanoTime : verdictAlert.nanoTime();
        awaitingVerdict = null;
        verdictAlert = null;
        failedOnce = true;
        return new HandshakeRecord(stack, role, true, start, nanoTime, alert, handshake.peer(),
                handshake.peerCertificates(), handshake.localCertificates(), failure, 0, 0, List.of());
    }

    /**
     * The peer asked for this side's certificate and this side sent the handshake's last message
     * (a TLS 1.3 client's Finished), so the peer has not yet said whether it accepts the certificate.
     * A TLS 1.2 client completes on the server's Finished, after the server accepted it.
     */
    private static boolean spokeLastAfterCertificateRequest(List<RecordedMessage> messages) {
        boolean requested = false;
        RecordedMessage last = null;
        for (RecordedMessage message : messages) {
            if (message.isHandshake()) {
                requested |= message.handshakeType() == CERTIFICATE_REQUEST
                        && message.direction() == Direction.RECEIVED;
                last = message;
            }
        }
        return requested && last.handshakeType() == FINISHED && last.direction() == Direction.SENT;
    }

    /** Whether a handshake is open and has made no progress since {@code nanoTime}. */
    public boolean idleSince(long nanoTime) {
        return open != null && lastProgressNanos - nanoTime < 0;
    }

    public boolean isOpen() {
        return open != null;
    }

    private HandshakeRecord close(long nanoTime, Peer peer, List<X509Certificate> peerCertificates,
                                  List<X509Certificate> localCertificates, Failure failure) {
        HandshakeRecord record = new HandshakeRecord(stack, role, false, startNanos, nanoTime, open, peer,
                peerCertificates, localCertificates, failure, certificateCheckNanos, keySelectionNanos,
                decisions);
        open = null;
        decisions.clear();
        return record;
    }

    private void open(long nanoTime) {
        open = new ArrayList<>();
        startNanos = nanoTime;
        certificateCheckNanos = 0;
        keySelectionNanos = 0;
    }

    private RecordedMessage decode(Direction direction, long nanoTime, int contentType, byte[] bytes, int length) {
        int handshakeType = contentType == RecordedMessage.HANDSHAKE && bytes.length > 0 ? bytes[0] & 0xff : -1;
        if (bytes.length < length) {
            return new RecordedMessage(direction, nanoTime, contentType, handshakeType, length, null,
                    "not decoded: " + length + " bytes, more than TLSLens copies (max.message.bytes)");
        }
        try {
            Object decoded;
            if (contentType == RecordedMessage.HANDSHAKE) {
                decoded = decoder.decode(bytes);
            } else if (contentType == RecordedMessage.ALERT) {
                decoded = Alert.decode(bytes);
            } else {
                decoded = null;
            }
            return new RecordedMessage(direction, nanoTime, contentType, handshakeType, length, decoded, null);
        } catch (DecodeException e) {
            return new RecordedMessage(direction, nanoTime, contentType, handshakeType, length, null, e.getMessage());
        }
    }

    private static boolean isPostHandshake(int handshakeType) {
        return handshakeType == NEW_SESSION_TICKET || handshakeType == KEY_UPDATE;
    }
}
