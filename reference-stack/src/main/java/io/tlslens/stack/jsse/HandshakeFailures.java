package io.tlslens.stack.jsse;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** JSSE reports a failed handshake as {@link SSLHandshakeException}; the core's errors are plain SSLExceptions. */
final class HandshakeFailures {

    private HandshakeFailures() {
    }

    /** {@code e} as an SSLHandshakeException whose cause is the core's exception (carrying the alert). */
    static SSLHandshakeException of(SSLException e) {
        if (e instanceof SSLHandshakeException) {
            return (SSLHandshakeException) e;
        }
        SSLHandshakeException failure = new SSLHandshakeException(e.getMessage());
        failure.initCause(e);
        return failure;
    }
}
