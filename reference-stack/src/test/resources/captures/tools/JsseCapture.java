import javax.net.ssl.*;
import java.nio.ByteBuffer;
import java.security.*;
import java.io.*;
import java.util.*;

/**
 * Runs a SunJSSE SSLEngine client and server against each other in memory and prints every TLS
 * record they write, as "@@ c2s|s2c record HEX", on standard error. Run it with
 * -Djavax.net.debug=ssl:record:plaintext so that SunJSSE prints, on the same stream and in order,
 * the plaintext of the records it protects; jsse2capture.py pairs the two.
 * usage: JsseCapture KEYSTORE.p12 PROTOCOL CIPHER_SUITE|- NEED_CLIENT_AUTH
 */
public class JsseCapture {
    public static void main(String[] a) throws Exception {
        String ks = a[0]; String proto = a[1]; String suite = a[2].equals("-") ? null : a[2];
        boolean clientAuth = Boolean.parseBoolean(a[3]);
        char[] pw = "changeit".toCharArray();
        KeyStore k = KeyStore.getInstance("PKCS12"); try (InputStream in = new FileInputStream(ks)) { k.load(in, pw); }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509"); kmf.init(k, pw);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX"); tmf.init(k);
        SSLContext ctx = SSLContext.getInstance("TLS"); ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLEngine c = ctx.createSSLEngine("server.test", 443); c.setUseClientMode(true);
        SSLEngine s = ctx.createSSLEngine(); s.setUseClientMode(false);
        SSLParameters cp = c.getSSLParameters();
        cp.setProtocols(new String[]{proto});
        if (suite != null) cp.setCipherSuites(new String[]{suite});
        cp.setServerNames(List.of(new SNIHostName("server.test")));
        cp.setApplicationProtocols(new String[]{"h2", "http/1.1"});
        c.setSSLParameters(cp);
        SSLParameters sp = s.getSSLParameters();
        sp.setApplicationProtocols(new String[]{"h2"});
        sp.setNeedClientAuth(clientAuth);
        s.setSSLParameters(sp);
        c.beginHandshake(); s.beginHandshake();
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer c2s = ByteBuffer.allocate(1 << 17), s2c = ByteBuffer.allocate(1 << 17);
        ByteBuffer app = ByteBuffer.allocate(1 << 17);
        for (int i = 0; i < 20; i++) {
            step(c, s2c, c2s, app, "c2s");
            step(s, c2s, s2c, app, "s2c");
            if (c.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                && s.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                && c2s.position() == 0 && s2c.position() == 0 && i > 5) break;
        }
        System.out.println("negotiated " + c.getSession().getProtocol() + " " + c.getSession().getCipherSuite());
    }

    static void step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app, String dir) throws Exception {
        // deliver what the peer sent
        in.flip();
        while (in.hasRemaining()) {
            SSLEngineResult r = e.unwrap(in, app); app.clear();
            runTasks(e);
            if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() == 0) break;
        }
        in.compact();
        // produce
        while (true) {
            ByteBuffer net = ByteBuffer.allocate(1 << 17);
            SSLEngineResult r = e.wrap(ByteBuffer.allocate(0), net);
            runTasks(e);
            net.flip();
            if (net.remaining() == 0) break;
            byte[] b = new byte[net.remaining()]; net.get(b);
            printRecords(dir, b);
            out.put(b);
        }
    }
    static void runTasks(SSLEngine e) { Runnable t; while ((t = e.getDelegatedTask()) != null) t.run(); }
    static void printRecords(String dir, byte[] b) {
        int p = 0;
        while (p + 5 <= b.length) {
            int len = ((b[p + 3] & 0xff) << 8) | (b[p + 4] & 0xff);
            StringBuilder sb = new StringBuilder();
            for (int i = p; i < p + 5 + len; i++) sb.append(String.format("%02x", b[i]));
            System.err.println("@@ " + dir + " record " + sb);
            System.err.flush();
            p += 5 + len;
        }
    }
}
