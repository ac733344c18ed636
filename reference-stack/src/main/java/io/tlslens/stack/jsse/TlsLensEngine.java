package io.tlslens.stack.jsse;

import io.tlslens.stack.TlsConnection;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * SSLEngine over the sans-IO core, with the semantics Netty, Jetty and the JDK's HttpClient rely
 * on: one record per {@code unwrap}; BUFFER_UNDERFLOW and BUFFER_OVERFLOW consume nothing;
 * {@code wrap} never produces more than {@link SSLSession#getPacketBufferSize()}; FINISHED is
 * returned once, by the call after which this side has nothing left to do for the handshake; a
 * fatal error leaves NEED_WRAP until the alert is flushed; work is never delegated (no NEED_TASK).
 *
 * <p>Calls are serialised on the engine, as in Bouncy Castle's JSSE.
 */
final class TlsLensEngine extends SSLEngine {
    private static final int RECORD_HEADER_LENGTH = 5;

    private final ContextData context;
    private final ConnectionParameters parameters;
    private BiFunction<SSLEngine, List<String>, String> applicationProtocolSelector;
    private boolean modeSet;

    /** Null until the handshake starts. */
    private TlsConnection connection;
    private TlsLensSession session;
    private boolean finishedReported;
    private boolean failed;
    private boolean inboundClosedByApplication;
    /** Closed before the handshake started: no connection is ever created. */
    private boolean closedBeforeStart;

    TlsLensEngine(ContextData context, String peerHost, int peerPort) {
        super(peerHost, peerPort);
        this.context = context;
        this.parameters = context.newParameters(false);
        parameters.addPeerHostAsServerName(peerHost);
    }

    @Override
    public synchronized SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst)
            throws SSLException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (!startIfNeeded() || isOutboundDone()) {
            return result(Status.CLOSED, 0, 0);
        }
        int consumed = 0;
        int produced = 0;
        if (connection.pendingOutput() == 0 && connection.isHandshakeComplete() && hasRemaining(srcs, offset, length)) {
            if (dst.remaining() < connection.maxRecordSize()) {
                return result(Status.BUFFER_OVERFLOW, 0, 0);
            }
            int before = dst.position();
            consumed = writePlaintext(srcs, offset, length, dst);
            produced = dst.position() - before;
        }
        if (connection.pendingOutput() > 0 && dst.remaining() < connection.nextRecordSize()) {
            return result(Status.BUFFER_OVERFLOW, consumed, produced);
        }
        produced += takeOutput(dst);
        return result(isOutboundDone() ? Status.CLOSED : Status.OK, consumed, produced);
    }

    @Override
    public synchronized SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length)
            throws SSLException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        if (!startIfNeeded() || isInboundDone()) {
            return result(Status.CLOSED, 0, 0);
        }
        if (connection.isHandshaking() && connection.pendingOutput() > 0) {
            return result(Status.OK, 0, 0); // as SunJSSE: the handshake wants a wrap first
        }
        if (connection.isHandshakeComplete() && src.remaining() >= RECORD_HEADER_LENGTH) {
            // byte by byte: the application's buffer may be in either byte order
            int fragmentLength = (src.get(src.position() + 3) & 0xff) << 8 | src.get(src.position() + 4) & 0xff;
            if (src.remaining() >= RECORD_HEADER_LENGTH + fragmentLength && remaining(dsts, offset, length)
                    < Math.min(fragmentLength, TlsLensSession.APPLICATION_BUFFER_SIZE)) {
                return result(Status.BUFFER_OVERFLOW, 0, 0);
            }
        }
        // the core tells an incomplete record (underflow) from bytes that are no TLS record (fatal)
        int before = src.position();
        try {
            if (!connection.processRecord(src)) {
                return result(Status.BUFFER_UNDERFLOW, 0, 0);
            }
        } catch (SSLException e) {
            throw failure(e);
        }
        int consumed = src.position() - before;
        int produced = readPlaintext(dsts, offset, length);
        return result(connection.isInboundDone() ? Status.CLOSED : Status.OK, consumed, produced);
    }

    @Override
    public Runnable getDelegatedTask() {
        return null;
    }

    @Override
    public synchronized void beginHandshake() throws SSLException {
        if (connection == null) {
            if (closedBeforeStart) {
                throw new SSLException("Engine closed before the handshake started");
            }
            startIfNeeded();
        } else if (connection.isHandshakeComplete() && !isOutboundDone()) {
            connection.updateKeys(false); // TLS 1.3 has no renegotiation; SunJSSE updates the keys instead
        }
    }

    @Override
    public synchronized HandshakeStatus getHandshakeStatus() {
        if (connection == null) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        if (connection.pendingOutput() > 0) {
            return HandshakeStatus.NEED_WRAP;
        }
        boolean inboundDone = isInboundDone();
        boolean outboundDone = isOutboundDone();
        if (inboundDone && outboundDone) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        if (connection.isHandshaking()) {
            return inboundDone ? HandshakeStatus.NEED_WRAP : HandshakeStatus.NEED_UNWRAP;
        }
        if (outboundDone) {
            return HandshakeStatus.NEED_UNWRAP; // waiting for the peer's close_notify
        }
        return inboundDone ? HandshakeStatus.NEED_WRAP : HandshakeStatus.NOT_HANDSHAKING;
    }

    @Override
    public synchronized void closeInbound() throws SSLException {
        if (connection == null) {
            closedBeforeStart = true;
            return;
        }
        if (isInboundDone()) {
            return;
        }
        inboundClosedByApplication = true;
        if (!isOutboundDone()) {
            connection.closeOutbound();
        }
        throw new SSLException("closing inbound before receiving peer's close_notify");
    }

    @Override
    public synchronized boolean isInboundDone() {
        return connection == null ? closedBeforeStart : inboundClosedByApplication || connection.isInboundDone();
    }

    @Override
    public synchronized void closeOutbound() {
        if (connection == null) {
            closedBeforeStart = true;
        } else if (!isOutboundDone()) {
            connection.closeOutbound();
        }
    }

    @Override
    public synchronized boolean isOutboundDone() {
        if (connection == null) {
            return closedBeforeStart;
        }
        return connection.isOutboundDone() || (failed && connection.pendingOutput() == 0);
    }

    @Override
    public synchronized SSLSession getSession() {
        return connection != null && connection.isHandshakeComplete()
                ? session : new NullSession(getPeerHost(), getPeerPort());
    }

    @Override
    public synchronized SSLSession getHandshakeSession() {
        return connection != null && connection.isHandshaking() ? session : null;
    }

    @Override
    public synchronized String getApplicationProtocol() {
        if (connection == null || !connection.isHandshakeComplete()) {
            return null;
        }
        return connection.view().applicationProtocol().orElse("");
    }

    @Override
    public synchronized String getHandshakeApplicationProtocol() {
        return connection != null && connection.isHandshaking()
                ? connection.view().applicationProtocol().orElse(null) : null;
    }

    @Override
    public synchronized void setHandshakeApplicationProtocolSelector(
            BiFunction<SSLEngine, List<String>, String> selector) {
        applicationProtocolSelector = selector;
    }

    @Override
    public synchronized BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return applicationProtocolSelector;
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return JsseNames.CIPHER_SUITES.supported();
    }

    @Override
    public synchronized String[] getEnabledCipherSuites() {
        return parameters.cipherSuites();
    }

    @Override
    public synchronized void setEnabledCipherSuites(String[] suites) {
        parameters.setCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return JsseNames.PROTOCOLS.supported();
    }

    @Override
    public synchronized String[] getEnabledProtocols() {
        return parameters.protocols();
    }

    @Override
    public synchronized void setEnabledProtocols(String[] protocols) {
        parameters.setProtocols(protocols);
    }

    @Override
    public synchronized void setUseClientMode(boolean clientMode) {
        if (connection != null) {
            throw new IllegalArgumentException("Cannot change mode after SSL traffic has started");
        }
        parameters.setClientMode(clientMode);
        modeSet = true;
    }

    @Override
    public synchronized boolean getUseClientMode() {
        return parameters.clientMode();
    }

    @Override
    public synchronized void setNeedClientAuth(boolean need) {
        parameters.setNeedClientAuth(need);
    }

    @Override
    public synchronized boolean getNeedClientAuth() {
        return parameters.needClientAuth();
    }

    @Override
    public synchronized void setWantClientAuth(boolean want) {
        parameters.setWantClientAuth(want);
    }

    @Override
    public synchronized boolean getWantClientAuth() {
        return parameters.wantClientAuth();
    }

    @Override
    public synchronized void setEnableSessionCreation(boolean enable) {
        parameters.setEnableSessionCreation(enable);
    }

    @Override
    public synchronized boolean getEnableSessionCreation() {
        return parameters.enableSessionCreation();
    }

    @Override
    public synchronized SSLParameters getSSLParameters() {
        return parameters.toSSLParameters();
    }

    @Override
    public synchronized void setSSLParameters(SSLParameters p) {
        parameters.apply(p);
    }

    /** Creates the connection on first use; false when the engine was closed before that. */
    private boolean startIfNeeded() throws SSLException {
        if (connection != null) {
            return true;
        }
        if (closedBeforeStart) {
            return false;
        }
        if (!modeSet) {
            throw new IllegalStateException("Client/Server mode has not yet been set.");
        }
        if (parameters.protocolCodes().isEmpty() || parameters.cipherSuiteCodes().isEmpty()) {
            throw new SSLHandshakeException(
                    "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)");
        }
        Function<List<String>, String> selector = applicationProtocolSelector == null ? null
                : offered -> applicationProtocolSelector.apply(this, offered);
        connection = context.newConnection(parameters, getPeerHost(), getPeerPort(), null, ManagerCaller.of(this), selector);
        session = new TlsLensSession(connection.view(), context.sessions(parameters.clientMode()));
        try {
            connection.beginHandshake();
        } catch (SSLException e) {
            throw failure(e);
        }
        return true;
    }

    /** The result of a call, FINISHED when this call left the handshake complete with nothing more to send. */
    private SSLEngineResult result(Status status, int consumed, int produced) {
        HandshakeStatus handshakeStatus = getHandshakeStatus();
        if (!finishedReported && connection != null && connection.isHandshakeComplete()
                && connection.pendingOutput() == 0) {
            finishedReported = true;
            context.sessions(parameters.clientMode()).add(session);
            handshakeStatus = HandshakeStatus.FINISHED;
        }
        return new SSLEngineResult(status, handshakeStatus, consumed, produced);
    }

    /** Moves whole queued records, at most a packet buffer's worth. */
    private int takeOutput(ByteBuffer dst) {
        ByteBuffer window = dst.duplicate();
        window.limit(dst.position() + Math.min(dst.remaining(), TlsLensSession.PACKET_BUFFER_SIZE));
        int moved = connection.takeOutput(window);
        dst.position(dst.position() + moved);
        return moved;
    }

    /**
     * Protects one record's worth of {@code srcs} into {@code dst}, gathering across buffers when the
     * first holds less.
     */
    private int writePlaintext(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        int wanted = (int) Math.min(remaining(srcs, offset, length), TlsLensSession.APPLICATION_BUFFER_SIZE);
        ByteBuffer first = firstWithRemaining(srcs, offset, length);
        try {
            if (first.remaining() >= wanted) {
                return connection.writePlaintext(first, dst);
            }
            ByteBuffer gathered = ByteBuffer.allocate(wanted);
            for (int i = offset; i < offset + length && gathered.hasRemaining(); i++) {
                ByteBuffer part = srcs[i].duplicate();
                part.limit(part.position() + Math.min(part.remaining(), gathered.remaining()));
                gathered.put(part);
            }
            gathered.flip();
            int written = connection.writePlaintext(gathered, dst);
            for (int i = offset, left = written; i < offset + length && left > 0; i++) {
                int step = Math.min(srcs[i].remaining(), left);
                srcs[i].position(srcs[i].position() + step);
                left -= step;
            }
            return written;
        } catch (SSLException e) {
            throw failure(e);
        }
    }

    /** Marks the engine failed; during the handshake the failure is an SSLHandshakeException, as in SunJSSE. */
    private SSLException failure(SSLException e) {
        failed = true;
        return connection.isHandshakeComplete() ? e : HandshakeFailures.of(e);
    }

    private int readPlaintext(ByteBuffer[] dsts, int offset, int length) {
        int produced = 0;
        for (int i = offset; i < offset + length && connection.availablePlaintext() > 0; i++) {
            if (dsts[i].isReadOnly()) {
                throw new ReadOnlyBufferException();
            }
            produced += connection.readPlaintext(dsts[i]);
        }
        return produced;
    }

    private static ByteBuffer firstWithRemaining(ByteBuffer[] buffers, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buffers[i].hasRemaining()) {
                return buffers[i];
            }
        }
        throw new IllegalStateException("no remaining bytes");
    }

    private static boolean hasRemaining(ByteBuffer[] buffers, int offset, int length) {
        return remaining(buffers, offset, length) > 0;
    }

    private static long remaining(ByteBuffer[] buffers, int offset, int length) {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += buffers[i].remaining();
        }
        return total;
    }
}
