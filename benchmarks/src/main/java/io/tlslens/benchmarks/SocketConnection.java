package io.tlslens.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLSocket;

/** The client end of a TLS connection over loopback TCP to a {@link LoopbackServer}. */
final class SocketConnection implements Connection {
    private final LoopbackServer.CountingSocket tcp;
    private final SSLSocket tls;
    /** Where echoes are read into; grows to the largest payload sent. */
    private byte[] echo = new byte[0];
    private InputStream in;
    private OutputStream out;

    private SocketConnection(LoopbackServer.CountingSocket tcp, SSLSocket tls) {
        this.tcp = tcp;
        this.tls = tls;
    }

    static SocketConnection open(Peers peers, InetSocketAddress server) throws IOException {
        LoopbackServer.CountingSocket tcp = new LoopbackServer.CountingSocket();
        tcp.setTcpNoDelay(true);
        // Closing resets the connection instead of leaving it in TIME_WAIT: a run opens hundreds of thousands
        // of connections to one port, more than the ephemeral ports TIME_WAIT would hold for a minute.
        tcp.setSoLinger(true, 0);
        tcp.connect(server);
        // Layered over the plain socket, so that the counting stream sees every byte the server sends. The
        // client names the host its certificate is checked against, as an HTTPS client would.
        SSLSocket tls = (SSLSocket) peers.clientContext().getSocketFactory()
                .createSocket(tcp, Peers.HOST, server.getPort(), true);
        tls.setSSLParameters(peers.clientParameters(tls.getSSLParameters()));
        return new SocketConnection(tcp, tls);
    }

    @Override
    public void handshake() throws IOException {
        tls.startHandshake();
        in = tls.getInputStream();
        out = tls.getOutputStream();
        int ready = in.read();
        if (ready != LoopbackServer.READY) {
            throw new IOException("the server ended the connection after the handshake (read " + ready + ")");
        }
    }

    @Override
    public long serverBytesSent() {
        return tcp.bytesRead();
    }

    @Override
    public void send(ByteBuffer payload) throws IOException {
        out.write(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        out.flush();
        payload.position(payload.limit());
    }

    @Override
    public int roundTrip(ByteBuffer payload) throws IOException {
        int length = payload.remaining();
        if (echo.length < length) {
            echo = new byte[length];
        }
        send(payload);
        for (int received = 0; received < length; ) {
            int n = in.read(echo, received, length - received);
            if (n < 0) {
                throw new IOException("the server closed after echoing " + received + " of " + length + " bytes");
            }
            received += n;
        }
        return length;
    }

    @Override
    public void close() throws IOException {
        tls.close();
    }
}
