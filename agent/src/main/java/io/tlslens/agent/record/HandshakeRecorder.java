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
                // close_notify and friends after the handshake belong to no handshake.
                return null;
            }
            if (completedOnce && isPostHandshake(message.handshakeType())) {
                return new HandshakeRecord(stack, role, true, nanoTime, nanoTime, List.of(message), peer,
                        List.of(), List.of(), null, 0, List.of());
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

    /** The stack says the handshake is established; {@code null} if none was being recorded. */
    public HandshakeRecord completed(long nanoTime, Peer peer, List<X509Certificate> peerCertificates,
                                     List<X509Certificate> localCertificates) {
        if (open == null) {
            return null;
        }
        completedOnce = true;
        this.peer = peer;
        return close(nanoTime, peer, peerCertificates, localCertificates, null);
    }

    /**
     * The handshake failed. Also produces a record when no message was exchanged yet (the stack
     * could not even start, or the peer's first bytes were not TLS), but not for a failure on an
     * established connection, which is no handshake failure, and only once: the exceptions that
     * follow the first failure of a connection are its echoes.
     *
     * @param localRole the role the stack was configured with, used when no ClientHello was seen
     */
    public HandshakeRecord failed(long nanoTime, Failure failure, Peer peer, Role localRole,
                                  List<X509Certificate> peerCertificates) {
        if (open == null) {
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
                peerCertificates, localCertificates, failure, certificateCheckNanos, decisions);
        open = null;
        decisions.clear();
        return record;
    }

    private void open(long nanoTime) {
        open = new ArrayList<>();
        startNanos = nanoTime;
        certificateCheckNanos = 0;
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
