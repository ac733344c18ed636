package io.tlslens.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between the client and the server of the test connections that keeps what each side sent, so
 * that a test can read the plaintext hellos off the wire: what was actually negotiated (group, HelloRetryRequest,
 * PSK resumption) whatever either implementation's API admits to.
 */
final class WireTap implements AutoCloseable {
    /** Enough for the plaintext hellos with certificates to spare; the rest is encrypted anyway. */
    private static final int KEPT_BYTES = 64 * 1024;

    private final ServerSocket listener;
    private final int target;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "wire tap");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Future<Hellos>> connections = new ArrayList<>();

    private WireTap(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    /** Relays connections to 127.0.0.1:{@code target} from a port of its own. */
    static WireTap to(int target) throws IOException {
        ServerSocket listener = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
        listener.setSoTimeout(Math.toIntExact(Peer.TIMEOUT.toMillis()));
        WireTap tap = new WireTap(listener, target);
        tap.threads.submit(tap::acceptLoop);
        return tap;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The hellos of every connection relayed so far, once each has ended, in the order they were accepted. */
    List<Hellos> connections() throws Exception {
        List<Future<Hellos>> relayed;
        synchronized (connections) {
            relayed = new ArrayList<>(connections);
        }
        List<Hellos> hellos = new ArrayList<>();
        for (Future<Hellos> connection : relayed) {
            hellos.add(connection.get(Peer.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
        return hellos;
    }

    private Void acceptLoop() throws IOException {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return null; // closed, or no client within the timeout: either way, the tap is done
            }
            Socket server = new Socket(InetAddress.getByName("127.0.0.1"), target);
            ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
            ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
            CompletableFuture<Void> up = CompletableFuture.runAsync(() -> pump(client, server, fromClient), threads);
            CompletableFuture<Void> down = CompletableFuture.runAsync(() -> pump(server, client, fromServer), threads);
            CompletableFuture<Hellos> done = up.runAfterBoth(down, () -> close(client, server))
                    .thenApply(ignored -> Hellos.parse(fromClient.toByteArray(), fromServer.toByteArray()));
            synchronized (connections) {
                connections.add(done);
            }
        }
        return null;
    }

    /** Copies until the end of stream, passing the half-close on, keeping the first bytes. */
    private static void pump(Socket from, Socket to, ByteArrayOutputStream kept) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                synchronized (kept) {
                    kept.write(buffer, 0, Math.max(0, Math.min(n, KEPT_BYTES - kept.size())));
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // a reset or a peer gone: the relay ends, and the endpoints report what they saw
            close(from, to);
        }
    }

    private static void close(Socket... sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all that is left to do
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
