package io.tlslens.stack;

import io.tlslens.wire.AlertDescription;
import javax.net.ssl.SSLException;

/**
 * A fatal protocol error, carrying the alert description (an {@link AlertDescription} code) that
 * this side sends for it, as RFC 8446 §6.2 prescribes. Thrown inside the stack where the problem
 * is found; the connection sends the alert, closes, and rethrows it to the application. Messages
 * name the problem and the evidence in IANA names, never a secret.
 */
public final class TlsAlertException extends SSLException {
    private static final long serialVersionUID = 1L;

    private final int alert;

    public TlsAlertException(int alertDescription, String message) {
        super(AlertDescription.name(alertDescription) + ": " + message);
        this.alert = alertDescription;
    }

    public TlsAlertException(int alertDescription, String message, Throwable cause) {
        this(alertDescription, message);
        initCause(cause);
    }

    /** The AlertDescription code sent to the peer. */
    public int alertDescription() {
        return alert;
    }
}
