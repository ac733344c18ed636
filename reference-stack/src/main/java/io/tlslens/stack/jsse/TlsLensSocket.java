package io.tlslens.stack.jsse;

import io.tlslens.stack.TlsConnection;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * SSLSocket over the sans-IO core and a plain socket (the transport): one it connected itself, one
 * a server socket accepted, or one the application already had (layered, with {@code autoClose}).
 * Every {@link Socket} call goes to the transport. The handshake runs on {@link #startHandshake()}
 * or on first I/O, honouring the transport's SO_TIMEOUT.
 *
 * <p>Locks: one reader and one writer at a time; the core is called under {@code coreLock} only,
 * and output is taken from it and written under {@code writeLock} so records leave in order.
 * Handshake-completed listeners are called on the thread that finished the handshake, before
 * {@code startHandshake} (or the first I/O) returns.
 */
final class TlsLensSocket extends SSLSocket {
    private final ContextData context;
    private final ConnectionParameters parameters;
    private final Socket transport;
    /** Bytes the application read off the transport before layering this socket on it; empty when none. */
    private final InputStream consumed;
    private final boolean autoClose;
    private final List<HandshakeCompletedListener> listeners = new CopyOnWriteArrayList<>();
    private final Object handshakeLock = new Object();
    private final Object readLock = new Object();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object coreLock = new Object();
    private final InputStream appInput = new AppInputStream();
    private final OutputStream appOutput = new AppOutputStream();

    private volatile String peerHost;
    private volatile int peerPort;
    private volatile BiFunction<SSLSocket, List<String>, String> applicationProtocolSelector;
    private volatile TlsConnection connection;
    private volatile TlsLensSession session;
    private volatile SSLException failure;
    private volatile boolean handshakeDone;
    private volatile boolean closed;
    private volatile boolean inputShutdown;
    private volatile boolean outputShutdown;
    private RecordReader reader;

    private TlsLensSocket(ContextData context, ConnectionParameters parameters, Socket transport,
            InputStream consumed, String peerHost, int peerPort, boolean autoClose) {
        this.context = context;
        this.parameters = parameters;
        this.transport = transport;
        this.consumed = consumed;
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.autoClose = autoClose;
    }

    /** A client socket over {@code transport}, connected or still to be connected through {@link #connect}. */
    static TlsLensSocket client(ContextData context, Socket transport, String peerHost, int peerPort,
            boolean autoClose) {
        ConnectionParameters parameters = context.newParameters(true);
        parameters.addPeerHostAsServerName(peerHost);
        return new TlsLensSocket(context, parameters, transport, InputStream.nullInputStream(), peerHost, peerPort,
                autoClose);
    }

    /** The server side of a connection a {@link TlsLensServerSocket} accepted. */
    static TlsLensSocket accepted(ContextData context, ConnectionParameters parameters, Socket transport) {
        return server(context, parameters, transport, InputStream.nullInputStream(), true);
    }

    /**
     * The server side layered over a connected socket whose first bytes the application already
     * read (to sniff the protocol, say): they are the start of the ClientHello.
     */
    static TlsLensSocket server(ContextData context, ConnectionParameters parameters, Socket transport,
            InputStream consumed, boolean autoClose) {
        return new TlsLensSocket(context, parameters, transport, consumed,
                transport.getInetAddress().getHostAddress(), transport.getPort(), autoClose);
    }

    // ---- the handshake

    @Override
    public void startHandshake() throws IOException {
        synchronized (handshakeLock) {
            checkOpen();
            if (handshakeDone) {
                callCore(() -> connection.updateKeys(false)); // TLS 1.3 has no renegotiation; SunJSSE updates keys
                sendPending();
                return;
            }
            handshake();
        }
        notifyListeners();
    }

    /** Handshakes first when that has not happened yet (implicit handshake on first I/O). */
    private void handshakeIfNeeded() throws IOException {
        if (handshakeDone) {
            return;
        }
        synchronized (handshakeLock) {
            checkOpen();
            if (handshakeDone) {
                return;
            }
            handshake();
        }
        notifyListeners();
    }

    /** Runs the handshake to its end; a timeout leaves it where it was, to be continued by the next call. */
    private void handshake() throws IOException {
        if (connection == null) {
            start();
        }
        sendPending();
        while (!handshakeDone) {
            synchronized (readLock) {
                if (!readRecord()) {
                    synchronized (coreLock) {
                        connection.transportClosed();
                    }
                    failure = new SSLHandshakeException("Remote host terminated the handshake");
                    closeAfterFailure();
                    throw failure;
                }
            }
            sendPending();
            synchronized (coreLock) {
                handshakeDone = connection.isHandshakeComplete();
            }
        }
        context.sessions(parameters.clientMode()).add(session);
    }

    private void start() throws IOException {
        if (!transport.isConnected()) {
            throw new SocketException("Socket is not connected");
        }
        TlsConnection created;
        synchronized (parameters) {
            if (parameters.protocolCodes().isEmpty() || parameters.cipherSuiteCodes().isEmpty()) {
                throw new SSLHandshakeException(
                        "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)");
            }
            BiFunction<SSLSocket, List<String>, String> selector = applicationProtocolSelector;
            Function<List<String>, String> select = selector == null ? null
                    : offered -> selector.apply(this, offered);
            created = context.newConnection(parameters, peerHost, peerPort, transport, ManagerCaller.of(this), select);
        }
        session = new TlsLensSession(created.view(), context.sessions(parameters.clientMode()));
        reader = new RecordReader(new SequenceInputStream(consumed, transport.getInputStream()));
        connection = created;
        callCore(connection::beginHandshake);
    }

    private void notifyListeners() {
        for (HandshakeCompletedListener listener : listeners) {
            listener.handshakeCompleted(new HandshakeCompletedEvent(this, session));
        }
    }

    // ---- records in and out

    /** Reads and processes one record; false at end of stream between records. Called under readLock. */
    private boolean readRecord() throws IOException {
        while (!process(reader.buffered())) {
            if (!reader.readMore()) {
                if (reader.buffered().hasRemaining()) {
                    throw new EOFException("The peer closed the connection in the middle of a record");
                }
                return false;
            }
        }
        return true;
    }

    private boolean process(ByteBuffer buffered) throws IOException {
        try {
            synchronized (coreLock) {
                return connection.processRecord(buffered);
            }
        } catch (SSLException e) {
            throw failed(e);
        }
    }

    /** Writes whatever the core has queued for the peer. */
    private void sendPending() throws IOException {
        writeLock.lock();
        try {
            byte[] bytes;
            synchronized (coreLock) {
                ByteBuffer out = ByteBuffer.allocate(connection.pendingOutput());
                connection.takeOutput(out);
                bytes = out.array();
            }
            if (bytes.length > 0) {
                OutputStream out = transport.getOutputStream();
                out.write(bytes);
                out.flush();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Calls the core under its lock. A fatal error is remembered (later I/O reports it), its alert
     * flushed, and the transport closed when this socket owns it.
     */
    private void callCore(CoreCall call) throws IOException {
        try {
            synchronized (coreLock) {
                call.run();
            }
        } catch (SSLException e) {
            throw failed(e);
        }
    }

    /** Remembers a fatal error (during the handshake, as an SSLHandshakeException) and cleans up after it. */
    private SSLException failed(SSLException e) {
        failure = handshakeDone ? e : HandshakeFailures.of(e);
        closeAfterFailure();
        return failure;
    }

    private void closeAfterFailure() {
        try {
            sendPending();
        } catch (IOException e) {
            // the peer may be gone already: the failure is what the application sees
        }
        if (autoClose) {
            try {
                transport.close();
            } catch (IOException e) {
                // as above
            }
        }
    }

    private void checkOpen() throws IOException {
        if (failure != null) {
            throw new SSLException("Connection has failed: " + failure.getMessage(), failure);
        }
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
    }

    /** A call into the core. */
    private interface CoreCall {
        void run() throws IOException;
    }

    private final class AppInputStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            handshakeIfNeeded();
            if (len == 0) {
                return 0;
            }
            synchronized (readLock) {
                while (true) {
                    synchronized (coreLock) {
                        if (connection.availablePlaintext() > 0) {
                            return connection.readPlaintext(ByteBuffer.wrap(b, off, len));
                        }
                        if (inputShutdown || connection.isInboundDone()) {
                            return -1;
                        }
                    }
                    checkOpen();
                    if (!readRecord()) {
                        return -1; // the peer closed without close_notify
                    }
                    sendPending(); // a KeyUpdate answer, or our close_notify reply
                }
            }
        }

        @Override
        public int available() throws IOException {
            synchronized (coreLock) {
                return connection == null ? 0 : connection.availablePlaintext();
            }
        }

        @Override
        public void close() throws IOException {
            TlsLensSocket.this.close();
        }
    }

    private final class AppOutputStream extends OutputStream {
        /** Where application data is sealed, under {@code writeLock}, and written to the transport from. */
        private final ByteBuffer outgoing = ByteBuffer.allocate(TlsLensSession.PACKET_BUFFER_SIZE);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            handshakeIfNeeded();
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            writeLock.lock();
            try {
                while (src.hasRemaining()) {
                    checkOpen();
                    outgoing.clear();
                    callCore(() -> {
                        if (outputShutdown || connection.isOutboundDone()) {
                            throw new SocketException("Socket output is already shutdown");
                        }
                        connection.writePlaintext(src, outgoing);
                    });
                    // the record, unless others were queued before it; those queued after it (a
                    // KeyUpdate the reader answered meanwhile) wait for writeLock, and leave next
                    if (outgoing.position() > 0) {
                        OutputStream out = transport.getOutputStream();
                        out.write(outgoing.array(), 0, outgoing.position());
                        out.flush();
                    }
                    sendPending();
                }
            } finally {
                writeLock.unlock();
            }
        }

        @Override
        public void close() throws IOException {
            TlsLensSocket.this.close();
        }
    }

    // ---- closing

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        // A writer blocked on a peer that does not read holds the write lock: then close without
        // close_notify rather than wait for it, as SunJSSE does.
        if (!writeLock.tryLock()) {
            if (autoClose) {
                transport.close();
            }
            return;
        }
        try {
            closeOutbound();
        } finally {
            writeLock.unlock();
            if (autoClose) {
                transport.close();
            }
        }
    }

    /** Sends close_notify unless it went already or the connection failed. */
    private void closeOutbound() throws IOException {
        if (connection == null || failure != null) {
            return;
        }
        callCore(() -> {
            if (!connection.isOutboundDone()) {
                connection.closeOutbound();
            }
        });
        sendPending();
    }

    @Override
    public void shutdownOutput() throws IOException {
        outputShutdown = true;
        closeOutbound();
        if (autoClose) {
            transport.shutdownOutput();
        }
    }

    @Override
    public void shutdownInput() throws IOException {
        inputShutdown = true;
        if (autoClose) {
            transport.shutdownInput();
        }
        if (connection != null && !connection.isInboundDone()) {
            throw new SSLException("closing inbound before receiving peer's close_notify");
        }
    }

    @Override
    public boolean isOutputShutdown() {
        return outputShutdown || transport.isOutputShutdown();
    }

    @Override
    public boolean isInputShutdown() {
        return inputShutdown || transport.isInputShutdown();
    }

    @Override
    public boolean isClosed() {
        return closed || transport.isClosed();
    }

    // ---- SSLSocket

    @Override
    public InputStream getInputStream() throws IOException {
        checkStreamsAvailable();
        return appInput;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        checkStreamsAvailable();
        return appOutput;
    }

    private void checkStreamsAvailable() throws SocketException {
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        if (!isConnected()) {
            throw new SocketException("Socket is not connected");
        }
    }

    @Override
    public SSLSession getSession() {
        try {
            handshakeIfNeeded();
        } catch (IOException e) {
            return new NullSession(peerHost, peerPort); // as SunJSSE: the failure shows on the next I/O
        }
        return session;
    }

    @Override
    public SSLSession getHandshakeSession() {
        return isHandshaking() ? session : null;
    }

    @Override
    public String getApplicationProtocol() {
        return handshakeDone ? connection.view().applicationProtocol().orElse("") : null;
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return isHandshaking() ? connection.view().applicationProtocol().orElse(null) : null;
    }

    private boolean isHandshaking() {
        return connection != null && !handshakeDone && failure == null;
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
        applicationProtocolSelector = selector;
    }

    @Override
    public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return applicationProtocolSelector;
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (!listeners.remove(listener)) {
            throw new IllegalArgumentException("no such listener");
        }
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return JsseNames.CIPHER_SUITES.supported();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        synchronized (parameters) {
            return parameters.cipherSuites();
        }
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        synchronized (parameters) {
            parameters.setCipherSuites(suites);
        }
    }

    @Override
    public String[] getSupportedProtocols() {
        return JsseNames.PROTOCOLS.supported();
    }

    @Override
    public String[] getEnabledProtocols() {
        synchronized (parameters) {
            return parameters.protocols();
        }
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        synchronized (parameters) {
            parameters.setProtocols(protocols);
        }
    }

    @Override
    public void setUseClientMode(boolean clientMode) {
        if (connection != null) {
            throw new IllegalArgumentException("Cannot change mode after SSL traffic has started");
        }
        synchronized (parameters) {
            parameters.setClientMode(clientMode);
        }
    }

    @Override
    public boolean getUseClientMode() {
        synchronized (parameters) {
            return parameters.clientMode();
        }
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        synchronized (parameters) {
            parameters.setNeedClientAuth(need);
        }
    }

    @Override
    public boolean getNeedClientAuth() {
        synchronized (parameters) {
            return parameters.needClientAuth();
        }
    }

    @Override
    public void setWantClientAuth(boolean want) {
        synchronized (parameters) {
            parameters.setWantClientAuth(want);
        }
    }

    @Override
    public boolean getWantClientAuth() {
        synchronized (parameters) {
            return parameters.wantClientAuth();
        }
    }

    @Override
    public void setEnableSessionCreation(boolean enable) {
        synchronized (parameters) {
            parameters.setEnableSessionCreation(enable);
        }
    }

    @Override
    public boolean getEnableSessionCreation() {
        synchronized (parameters) {
            return parameters.enableSessionCreation();
        }
    }

    @Override
    public SSLParameters getSSLParameters() {
        synchronized (parameters) {
            return parameters.toSSLParameters();
        }
    }

    @Override
    public void setSSLParameters(SSLParameters p) {
        synchronized (parameters) {
            parameters.apply(p);
        }
    }

    // ---- Socket: everything else is the transport's

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        transport.connect(endpoint, timeout);
        if (peerHost == null && endpoint instanceof InetSocketAddress) {
            InetSocketAddress address = (InetSocketAddress) endpoint;
            peerHost = address.getHostString();
            peerPort = address.getPort();
            synchronized (parameters) {
                parameters.addPeerHostAsServerName(peerHost);
            }
        }
    }

    @Override
    public void bind(SocketAddress local) throws IOException {
        transport.bind(local);
    }

    @Override
    public boolean isConnected() {
        return transport.isConnected();
    }

    @Override
    public boolean isBound() {
        return transport.isBound();
    }

    @Override
    public InetAddress getInetAddress() {
        return transport.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return transport.getLocalAddress();
    }

    @Override
    public int getPort() {
        return transport.getPort();
    }

    @Override
    public int getLocalPort() {
        return transport.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return transport.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return transport.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return null;
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        transport.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return transport.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        transport.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return transport.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        transport.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return transport.getSoLinger();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        transport.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return transport.getKeepAlive();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        transport.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return transport.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        transport.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return transport.getReceiveBufferSize();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        transport.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return transport.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        transport.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return transport.getReuseAddress();
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        throw new SocketException("This method is ineffective, since sending urgent data is not supported by SSLSockets");
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        throw new SocketException("This method is ineffective, since sending urgent data is not supported by SSLSockets");
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        throw new SocketException("This method is not supported by SSLSockets");
    }

    @Override
    public String toString() {
        return "TlsLensSocket[" + (session == null ? "no session" : session) + ", " + transport + "]";
    }
}
