package io.tlslens.agent.testing.apps;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A service to attach TLSLens to while it works: an SSLServerSocket server and an SSLEngine server
 * (over a blocking SocketChannel), and a client thread that does a full handshake with one of them,
 * in turn, every 50 ms. Every second it prints {@code tick handshakes=N failures=F}. When a file
 * {@code threads-ID} appears in the control directory ({@code args[1]}), it prints
 * {@code threads-ID: name|name|...} (every live thread) and deletes the file. {@code args[0]} is a
 * marker that makes this JVM findable by name.
 *
 * <p>Usage: {@code AttachTargetApp MARKER CONTROL_DIR}
 */
public final class AttachTargetApp {

    private static final AtomicLong HANDSHAKES = new AtomicLong();
    private static final AtomicLong FAILURES = new AtomicLong();

    private AttachTargetApp() {
    }

    public static void main(String[] args) throws Exception {
        Path control = Paths.get(args[1]);
        Pki pki = new Pki(KeyType.EC_P256);
        SSLContext server = SslContexts.create(pki, pki.server());
        SSLContext client = SslContexts.create(null, pki.trustManagers());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SSLServerSocket socketServer = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 50, loopback);
        ServerSocketChannel engineServer = ServerSocketChannel.open();
        engineServer.bind(new InetSocketAddress(loopback, 0), 50);
        int socketPort = socketServer.getLocalPort();
        int enginePort = engineServer.socket().getLocalPort();
        daemon("app-socket-server", () -> serveSockets(socketServer));
        daemon("app-engine-server", () -> serveEngines(server, engineServer));
        daemon("app-client", () -> clientLoop(client, socketPort, enginePort));
        System.out.println("ports socket=" + socketPort + " engine=" + enginePort);
        long nextTick = System.nanoTime() + 1_000_000_000L;
        while (true) {
            Thread.sleep(100);
            answerThreadRequests(control);
            if (System.nanoTime() - nextTick >= 0) {
                nextTick += 1_000_000_000L;
                System.out.println("tick handshakes=" + HANDSHAKES.get() + " failures=" + FAILURES.get());
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void clientLoop(SSLContext client, int socketPort, int enginePort) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (long i = 0; ; i++) {
            int port = i % 2 == 0 ? socketPort : enginePort;
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(loopback, port)) {
                socket.setSoTimeout(10_000);
                socket.setTcpNoDelay(true);
                socket.startHandshake();
                socket.getSession().invalidate(); // the next one is a full handshake again
                if (socket.getInputStream().read() != '!') { // the server's byte: its side is done too
                    throw new IOException("no '!' from the server on port " + port);
                }
                HANDSHAKES.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                fail("client to port " + port, e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void serveSockets(SSLServerSocket listener) {
        while (true) {
            Socket accepted;
            try {
                accepted = listener.accept();
            } catch (IOException e) {
                fail("socket server accept", e);
                return;
            }
            try (SSLSocket socket = (SSLSocket) accepted) {
                socket.setSoTimeout(10_000);
                socket.setTcpNoDelay(true);
                socket.startHandshake();
                socket.getOutputStream().write('!');
                socket.getOutputStream().flush();
            } catch (IOException | RuntimeException e) {
                fail("socket server", e);
            }
        }
    }

    private static void serveEngines(SSLContext context, ServerSocketChannel listener) {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                fail("engine server accept", e);
                return;
            }
            try (SocketChannel open = channel) {
                open.socket().setTcpNoDelay(true);
                open.socket().setSoTimeout(10_000);
                SSLEngine engine = context.createSSLEngine();
                engine.setUseClientMode(false);
                new EngineConnection(open, engine).serveOneByte();
            } catch (IOException | RuntimeException e) {
                fail("engine server", e);
            }
        }
    }

    /** A blocking SSLEngine server connection: handshake, send '!', close. */
    private static final class EngineConnection {
        private final SocketChannel channel;
        private final SSLEngine engine;
        private final ByteBuffer netIn;
        private final ByteBuffer netOut;
        private final ByteBuffer appIn;

        EngineConnection(SocketChannel channel, SSLEngine engine) {
            this.channel = channel;
            this.engine = engine;
            int packet = engine.getSession().getPacketBufferSize();
            this.netIn = ByteBuffer.allocate(packet);
            this.netOut = ByteBuffer.allocate(packet);
            this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        }

        void serveOneByte() throws IOException {
            engine.beginHandshake();
            SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
            while (status != SSLEngineResult.HandshakeStatus.FINISHED
                    && status != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
                switch (status) {
                    case NEED_WRAP:
                        status = wrap(ByteBuffer.allocate(0));
                        break;
                    case NEED_UNWRAP:
                    case NEED_UNWRAP_AGAIN:
                        status = unwrap(status == SSLEngineResult.HandshakeStatus.NEED_UNWRAP_AGAIN);
                        break;
                    case NEED_TASK:
                        Runnable task;
                        while ((task = engine.getDelegatedTask()) != null) {
                            task.run();
                        }
                        status = engine.getHandshakeStatus();
                        break;
                    default:
                        throw new IllegalStateException("handshake status " + status);
                }
            }
            wrap(ByteBuffer.wrap(new byte[] {'!'}));
            engine.closeOutbound();
            try {
                wrap(ByteBuffer.allocate(0)); // close_notify, best effort: the client may be gone already
            } catch (IOException ignored) {
                // not a handshake failure
            }
        }

        private SSLEngineResult.HandshakeStatus wrap(ByteBuffer data) throws IOException {
            netOut.clear();
            SSLEngineResult result = engine.wrap(data, netOut);
            if (result.getStatus() != SSLEngineResult.Status.OK && result.getStatus() != SSLEngineResult.Status.CLOSED) {
                throw new IOException("wrap: " + result);
            }
            netOut.flip();
            while (netOut.hasRemaining()) {
                channel.write(netOut);
            }
            return result.getHandshakeStatus();
        }

        private SSLEngineResult.HandshakeStatus unwrap(boolean again) throws IOException {
            if (!again && netIn.position() == 0) {
                read();
            }
            while (true) {
                netIn.flip();
                SSLEngineResult result = engine.unwrap(netIn, appIn);
                netIn.compact();
                switch (result.getStatus()) {
                    case OK:
                        return result.getHandshakeStatus();
                    case BUFFER_UNDERFLOW:
                        read();
                        break;
                    default:
                        throw new IOException("unwrap: " + result);
                }
            }
        }

        private void read() throws IOException {
            // A blocking channel ignores SO_TIMEOUT; the client's own 10 s timeout ends a stuck exchange.
            if (channel.read(netIn) < 0) {
                throw new EOFException("the client closed the connection during the handshake");
            }
        }
    }

    private static void fail(String where, Throwable e) {
        FAILURES.incrementAndGet();
        System.out.println("FAILURE " + where + ": " + e);
    }

    private static void answerThreadRequests(Path control) throws IOException {
        List<Path> requests = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(control, "threads-*")) {
            files.forEach(requests::add);
        }
        for (Path request : requests) {
            List<String> names = new ArrayList<>();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                names.add(thread.getName());
            }
            names.sort(null);
            Files.delete(request);
            System.out.println(request.getFileName() + ": " + String.join("|", names));
        }
    }
}
