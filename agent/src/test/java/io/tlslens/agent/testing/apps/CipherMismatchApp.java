package io.tlslens.agent.testing.apps;

import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A client and a server on the default SSLContext (keys and trust from the {@code javax.net.ssl.*}
 * properties) that share no cipher suite: the server enables only
 * TLS_AES_256_GCM_SHA384, the client only TLS_AES_128_GCM_SHA256. Prints {@code server: EXCEPTION}
 * and {@code client: EXCEPTION}, and exits 0 when both handshakes failed.
 */
public final class CipherMismatchApp {

    public static void main(String[] args) throws Exception {
        SSLContext tls = SSLContext.getDefault();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        boolean bothFailed;
        try (SSLServerSocket listener = (SSLServerSocket) tls.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setEnabledCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384"});
            Future<String> server = executor.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.setSoTimeout(20_000);
                    accepted.startHandshake();
                    return "handshake completed";
                } catch (Exception e) {
                    return e.toString();
                }
            });
            String client;
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setSoTimeout(20_000);
                socket.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
                socket.startHandshake();
                client = "handshake completed";
            } catch (Exception e) {
                client = e.toString();
            }
            String serverResult = server.get(30, TimeUnit.SECONDS);
            System.out.println("server: " + serverResult);
            System.out.println("client: " + client);
            bothFailed = !serverResult.startsWith("handshake completed") && !client.startsWith("handshake completed");
        } finally {
            executor.shutdownNow();
        }
        System.exit(bothFailed ? 0 : 1);
    }
}
