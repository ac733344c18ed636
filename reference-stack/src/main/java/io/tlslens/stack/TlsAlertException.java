package io.tlslens.stack;

import io.tlslens.wire.AlertDescription;
import javax.net.ssl.SSLException;

/**
 * A failure that the reference stack answers with a fatal alert: the exception carries the
 * AlertDescription code (RFC 8446 §6.2) that goes to the peer. The message is for humans and never
 * holds secret material.
 */
public class TlsAlertException extends SSLException {
    private static final long serialVersionUID = 1L;

    private final int alertDescription;

    public TlsAlertException(int alertDescription, String message) {
        super(AlertDescription.name(alertDescription) + ": " + message);
        this.alertDescription = alertDescription;
    }

    public TlsAlertException(int alertDescription, String message, Throwable cause) {
        this(alertDescription, message);
        initCause(cause);
    }

    /** The AlertDescription code to send, see {@link AlertDescription}. */
    public int alertDescription() {
        return alertDescription;
    }
}
