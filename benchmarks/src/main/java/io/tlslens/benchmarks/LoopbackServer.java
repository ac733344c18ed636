package io.tlslens.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on 127.0.0.1 serving one connection at a time on a thread of its own, and the
 * {@link Transport.Connector} that connects the benchmark's client to it. The benchmarks open one connection
 * at a time, so one thread is all the server needs, and each connection is served to its end.
 */
final class LoopbackServer implements Transport.Connector {
    /** What the server sends once its handshake is done: the client then knows both ends have finished. */
    static final int READY = 'R';

    private final Peers peers;
    private final Transport.ServerRole role;
    private final SSLServerSocket listener;
    private final Thread thread;

    LoopbackServer(Peers peers, Transport.ServerRole role) throws IOException {
        this.peers = peers;
        this.role = role;
        listener = (SSLServerSocket) peers.serverContext().getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setEnabledProtocols(new String[] {peers.protocol()});
        thread = new Thread(this::serve, "loopback-tls-server");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public SocketConnection connect() throws IOException {
        InetSocketAddress address = new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
        return SocketConnection.open(peers, address);
    }

    /** Stops accepting; the connection being served ends when its client closes. */
    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.setTcpNoDelay(true);
                serve(socket);
            } catch (IOException e) {
                // The client went away (it resets the connection when it closes) or the listener was closed:
                // either way this connection is over, and the loop tells which.
            }
        }
    }

    private void serve(SSLSocket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        // The first write completes the handshake; TLS 1.3 tickets go out before this byte.
        out.write(READY);
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[32 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (role == Transport.ServerRole.ECHO) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
    }

    /** A plain TCP socket that counts the bytes it delivers: the client's count is what the server sent. */
    static final class CountingSocket extends Socket {
        private InputStream counting;
        private long bytesRead;

        long bytesRead() {
            return bytesRead;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (counting == null) {
                InputStream in = super.getInputStream();
                counting = new InputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            bytesRead++;
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            bytesRead += n;
                        }
                        return n;
                    }

                    @Override
                    public int available() throws IOException {
                        return in.available();
                    }

                    @Override
                    public void close() throws IOException {
                        in.close();
                    }
                };
            }
            return counting;
        }
    }
}
