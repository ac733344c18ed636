package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code openssl s_client} against one of our server connections, as the TLS 1.2 and TLS 1.3
 * interop tests run it: s_client says hello, our server replies and closes, and s_client must have
 * verified the chain and read the reply. The process is killed and reaped; the timeout only guards
 * against hangs.
 */
final class OpensslClient {
    static final int HANG_GUARD_MILLIS = 10_000;

    private OpensslClient() {
    }

    /** Runs {@code command} (an s_client line) against {@code server}, accepted on {@code listener}; s_client logs to {@code dir}. */
    static void exchange(Path dir, List<String> command, ServerSocket listener, TlsConnection server) throws Exception {
        Process client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("s_client.log").toFile()).start();
        try {
            client.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().flush();
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(HANG_GUARD_MILLIS);
                SocketDriver driver = new SocketDriver(server, socket);
                driver.readUntil(() -> List.of(driver.received().split("\n")).contains("hello"));
                driver.write("reply\n");
                driver.close();
            }
            client.getOutputStream().close();
            assertTrue(client.waitFor(HANG_GUARD_MILLIS, TimeUnit.MILLISECONDS));
            String log = Files.readString(dir.resolve("s_client.log"));
            assertTrue(log.contains("Verify return code: 0 (ok)") && log.contains("reply"), log);
        } finally {
            client.destroyForcibly();
            client.waitFor();
        }
    }

    /** {@code der} in PEM, as openssl reads certificates and keys. */
    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
