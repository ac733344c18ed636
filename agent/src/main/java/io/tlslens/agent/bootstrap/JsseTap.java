package io.tlslens.agent.bootstrap;

/**
 * What the advice inlined into {@code sun.security.ssl} reports. Lives on the bootstrap class path,
 * because code inside {@code java.base} can only link to classes the bootstrap loader sees.
 *
 * <p>Arguments are the JDK's own objects, typed {@code Object} because their classes are not
 * accessible here. Implementations run on the application's handshake thread, under JSSE's
 * locks: they copy what they need, enqueue, and return; they never block and never throw.
 */
public interface JsseTap {

    /** {@code TransportContext} constructed: ties its output record to the connection. */
    void connectionCreated(Object transportContext, Object outputRecord);

    /** {@code TransportContext.dispatch(Plaintext)}: a decrypted handshake, alert or CCS record arrived. */
    void received(Object transportContext, Object plaintext);

    /** {@code OutputRecord.encodeHandshake}: one complete handshake message, header included, about to be sent. */
    void sentHandshake(Object outputRecord, byte[] message, int offset, int length);

    /** {@code OutputRecord.encodeAlert}. */
    void sentAlert(Object outputRecord, byte level, byte description);

    /** {@code OutputRecord.encodeChangeCipherSpec}. */
    void sentChangeCipherSpec(Object outputRecord);

    /** {@code TransportContext.finishHandshake()} and {@code finishPostHandshake()}. */
    void finished(Object transportContext);

    /** The first {@code TransportContext.fatal(Alert, String, boolean, Throwable)} of a connection. */
    void fatal(Object transportContext, Object alert, String diagnostic, boolean receivedFromPeer, Throwable cause);

    /**
     * {@code SSLSocket.startHandshake()} threw without going through {@code fatal}: a socket
     * timeout, or an I/O error the JDK rethrows as is.
     */
    void handshakeAborted(Object transportContext, Throwable thrown);

    /**
     * {@code SSLTrafficKeyDerivation.createKeyDerivation(HandshakeContext, SecretKey)}: the TLS 1.2
     * master secret or a TLS 1.3 traffic secret is about to be expanded into keys. Woven in only
     * when key logging is on.
     *
     * @param derivation the {@code SSLTrafficKeyDerivation} constant (an enum: {@code TLS12}, {@code TLS13}, ...)
     */
    void trafficKeyDerivation(Object derivation, Object handshakeContext, javax.crypto.SecretKey secret);

    /**
     * {@code CertificateMessage.T13/T12CertificateConsumer.checkServerCerts/checkClientCerts}
     * returned or threw: the peer's chain went through the trust manager, from {@code startNanos}
     * ({@link System#nanoTime()}) until now.
     */
    void certificatesChecked(Object handshakeContext, long startNanos);

    /**
     * The same checks begin, on this thread, at {@code startNanos}. A chain the trust manager
     * rejects ends the handshake inside the check ({@link #fatal} comes before
     * {@link #certificatesChecked}), so a failed handshake's check time is measured up to the failure.
     */
    void certificateCheckStarted(long startNanos);

    /**
     * {@code X509Authentication.createPossession(HandshakeContext, String[])} returned or threw: the
     * application's key manager chose (or failed to choose) this side's certificate and key, from
     * {@code startNanos} ({@link System#nanoTime()}) until now.
     */
    void keySelected(Object handshakeContext, long startNanos);
}
