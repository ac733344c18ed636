package io.tlslens.agent.reference;

import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.HandshakeRecorder;
import io.tlslens.agent.record.Peer;
import io.tlslens.agent.record.Role;
import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertDescription;

/**
 * One reference-stack connection as the recorder thread knows it. Made on the handshake thread
 * when the stack opens its observer; from then on touched by the recorder thread only.
 */
final class ReferenceConnection {

    final Role role;
    final Peer peer;
    final HandshakeRecorder recorder = new HandshakeRecorder(ReferenceRecorder.STACK);
    /** The last alert that ends a connection, sent or received, in the handshake being recorded; -1 for none. */
    private int endingAlert = -1;
    private boolean endingAlertFromPeer;

    ReferenceConnection(Role role, Peer peer) {
        this.role = role;
        this.peer = peer;
    }

    void alert(Alert alert, boolean fromPeer) {
        // RFC 8446 §6: every alert but these two ends the connection, whatever its level says.
        if (alert.description() != AlertDescription.close_notify
                && alert.description() != AlertDescription.user_canceled) {
            endingAlert = alert.description();
            endingAlertFromPeer = fromPeer;
        }
    }

    /**
     * How the handshake failed: on the peer's alert, on this side's (the stack found an error and
     * said so), or with no alert at all (the transport failed: the peer closed, a read timed out).
     */
    Failure failure(Exception cause) {
        String diagnostic = cause == null ? null : cause.getMessage();
        Failure failure;
        if (endingAlert < 0) {
            failure = new Failure(Failure.Origin.ABORTED, -1, diagnostic, cause);
        } else {
            failure = new Failure(endingAlertFromPeer ? Failure.Origin.PEER_ALERT : Failure.Origin.LOCAL_ERROR,
                    endingAlert, diagnostic, cause);
        }
        endingAlert = -1;
        return failure;
    }
}
