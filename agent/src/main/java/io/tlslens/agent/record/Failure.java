package io.tlslens.agent.record;

/** How a handshake ended without being established, as the stack reported it. */
public final class Failure {

    /** Where the end came from. */
    public enum Origin {
        /** This side found an error and (normally) sent a fatal alert. */
        LOCAL_ERROR,
        /** The peer sent a fatal alert. */
        PEER_ALERT,
        /** The application's call failed outside the stack's alert path, e.g. a socket read timeout. */
        ABORTED,
        /** No progress within the recorder's bound: the application dropped the connection mid-handshake. */
        ABANDONED
    }

    private final Origin origin;
    private final int alert;
    private final String diagnostic;
    private final Throwable cause;

    public Failure(Origin origin, int alert, String diagnostic, Throwable cause) {
        this.origin = origin;
        this.alert = alert;
        this.diagnostic = diagnostic;
        this.cause = cause;
    }

    public Origin origin() {
        return origin;
    }

    /** The alert code sent or received, or -1 when no alert was involved. */
    public int alert() {
        return alert;
    }

    /** The stack's own description of the failure (for JSSE, the exception message it raised). */
    public String diagnostic() {
        return diagnostic;
    }

    /** The exception behind the failure, or {@code null}. */
    public Throwable cause() {
        return cause;
    }
}
