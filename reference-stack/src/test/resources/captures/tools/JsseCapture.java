import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * Capture tool, not part of the build: runs a SunJSSE SSLEngine client and server against each
 * other in memory and prints every TLS record they write, as "@@ c2s|s2c record HEX", on standard
 * error. Run it with -Djavax.net.debug=ssl:record:plaintext so that SunJSSE logs, on the same
 * stream and in order, the plaintext of the records it protects; jsse2capture.py pairs the two.
 *
 * usage: java JsseCapture KEYSTORE.p12 PROTOCOL CIPHER_SUITE|- NEED_CLIENT_AUTH
 */
public class JsseCapture {
    private static final int BUFFER = 1 << 17;

    public static void main(String[] args) throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(args[0])) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(keys, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        SSLEngine client = context.createSSLEngine("server.test", 443);
        client.setUseClientMode(true);
        SSLParameters cp = client.getSSLParameters();
        cp.setProtocols(new String[] {args[1]});
        if (!args[2].equals("-")) {
            cp.setCipherSuites(new String[] {args[2]});
        }
        cp.setServerNames(List.of(new SNIHostName("server.test")));
        cp.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        client.setSSLParameters(cp);

        SSLEngine server = context.createSSLEngine();
        server.setUseClientMode(false);
        SSLParameters sp = server.getSSLParameters();
        sp.setApplicationProtocols(new String[] {"h2"});
        sp.setNeedClientAuth(Boolean.parseBoolean(args[3]));
        server.setSSLParameters(sp);

        client.beginHandshake();
        server.beginHandshake();
        ByteBuffer c2s = ByteBuffer.allocate(BUFFER);
        ByteBuffer s2c = ByteBuffer.allocate(BUFFER);
        // A bounded number of rounds: a handshake and its NewSessionTicket need fewer than ten.
        for (int round = 0; round < 20; round++) {
            step(client, s2c, c2s, "c2s");
            step(server, c2s, s2c, "s2c");
        }
        System.out.println("negotiated " + client.getSession().getProtocol() + " " + client.getSession().getCipherSuite());
    }

    /** Lets {@code engine} read what its peer sent, then write all it has to write. */
    private static void step(SSLEngine engine, ByteBuffer in, ByteBuffer out, String direction) throws Exception {
        ByteBuffer app = ByteBuffer.allocate(BUFFER);
        in.flip();
        while (in.hasRemaining()) {
            SSLEngineResult r = engine.unwrap(in, app);
            app.clear();
            runTasks(engine);
            if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() == 0) {
                break;
            }
        }
        in.compact();
        while (true) {
            ByteBuffer net = ByteBuffer.allocate(BUFFER);
            engine.wrap(ByteBuffer.allocate(0), net);
            runTasks(engine);
            net.flip();
            if (!net.hasRemaining()) {
                return;
            }
            byte[] records = new byte[net.remaining()];
            net.get(records);
            print(direction, records);
            out.put(records);
        }
    }

    private static void runTasks(SSLEngine engine) {
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run();
        }
    }

    private static void print(String direction, byte[] records) {
        for (int p = 0; p + 5 <= records.length; ) {
            int length = 5 + ((records[p + 3] & 0xff) << 8 | records[p + 4] & 0xff);
            StringBuilder hex = new StringBuilder();
            for (int i = p; i < p + length; i++) {
                hex.append(String.format("%02x", records[i]));
            }
            System.err.println("@@ " + direction + " record " + hex);
            System.err.flush();
            p += length;
        }
    }
}
