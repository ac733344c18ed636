package io.tlslens.stack;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLException;

/**
 * One TLS connection without I/O (as rustls's {@code ConnectionCommon}, BC's non-blocking
 * {@code TlsProtocol}): records from the peer go in one at a time, records for the peer come out
 * whole, plaintext goes in and out on the side. SSLEngine and SSLSocket are thin adapters over
 * this; tests drive two connections in memory.
 *
 * <p>Not thread-safe: the adapter serialises calls.
 */
public interface TlsConnection {

    /** Starts the handshake; a client queues its ClientHello. Calling it again does nothing. */
    void beginHandshake() throws SSLException;

    /**
     * Processes the record at the head of {@code src}. When {@code src} holds less than one whole
     * record, consumes nothing and returns false. A fatal error queues the alert (still to be
     * taken with {@link #takeOutput}), closes the connection, and throws the
     * {@link SSLException} the application is to see.
     */
    boolean processRecord(ByteBuffer src) throws SSLException;

    /** Bytes queued for the peer, all in whole records. */
    int pendingOutput();

    /** The size of the first queued record; 0 when nothing is queued. */
    int nextRecordSize();

    /** Moves as many whole queued records as fit into {@code dst}; returns the number of bytes moved. */
    int takeOutput(ByteBuffer dst);

    /** Application data received and not yet read. */
    int availablePlaintext();

    /** Moves received application data into {@code dst}; returns the number of bytes moved. */
    int readPlaintext(ByteBuffer dst);

    /**
     * Protects application data from {@code src} into at most one record queued for the peer, and
     * returns the number of bytes consumed. Only once the handshake is complete (or for early data
     * when the client was configured for it).
     */
    int writePlaintext(ByteBuffer src) throws SSLException;

    /**
     * As {@link #writePlaintext(ByteBuffer)}, but when no record is queued the new one is written
     * straight into {@code dst}, which must have {@link #maxRecordSize()} bytes free: the adapters
     * protect application data where it leaves, and do not copy it again. When records are queued
     * the new one joins them, to keep the order; either way the caller then takes the queue.
     */
    int writePlaintext(ByteBuffer src, ByteBuffer dst) throws SSLException;

    /** The largest record {@link #writePlaintext} queues, header and expansion included. */
    int maxRecordSize();

    /** Queues close_notify; nothing can be written after it. */
    void closeOutbound();

    /**
     * The transport ended before the handshake completed (the peer closed the connection without an
     * alert): the handshake has failed, and the observer hears so. Nothing is sent. After the
     * handshake it changes nothing: an application reads end of stream then, and decides.
     */
    void transportClosed();

    /** Queues a KeyUpdate (TLS 1.3), asking the peer to update too when {@code requestPeerUpdate}. */
    void updateKeys(boolean requestPeerUpdate) throws SSLException;

    /** True from {@link #beginHandshake} until the handshake completed or failed. */
    boolean isHandshaking();

    /** The handshake completed. Stays true after close. */
    boolean isHandshakeComplete();

    /** close_notify arrived, or the connection failed. */
    boolean isInboundDone();

    /** close_notify or a fatal alert was queued and all output has been taken. */
    boolean isOutboundDone();

    /** What has been agreed so far: partial during the handshake, complete after it. */
    HandshakeView view();
}
