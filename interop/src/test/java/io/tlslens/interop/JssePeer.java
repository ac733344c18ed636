package io.tlslens.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** A JSSE provider in this JVM as a test peer, through the plain JSSE API: SSLSocket and SSLServerSocket. */
final class JssePeer implements Peer {
    private static final String LOOPBACK = "127.0.0.1";

    private final JsseStack stack;

    JssePeer(JsseStack stack) {
        this.stack = stack;
    }

    @Override
    public String name() {
        return stack.toString();
    }

    @Override
    public Server serve(Settings settings, int connections) throws Exception {
        SSLServerSocket listener = (SSLServerSocket) stack.context(settings).getServerSocketFactory()
                .createServerSocket(0, connections, InetAddress.getByName(LOOPBACK));
        listener.setSoTimeout(millis());
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, name() + " server"));
        Future<List<Seen>> served = thread.submit(() -> {
            List<Seen> seen = new ArrayList<>();
            SSLSession previous = null;
            for (int i = 0; i < connections; i++) {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    seen.add(serveOne(socket, settings, previous));
                    previous = socket.getSession();
                }
            }
            return seen;
        });
        thread.shutdown();
        return new Server() {
            @Override
            public int port() {
                return listener.getLocalPort();
            }

            @Override
            public List<Seen> finish() throws Exception {
                return served.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void close() throws IOException {
                listener.close();
                thread.shutdownNow();
            }
        };
    }

    private Seen serveOne(SSLSocket socket, Settings settings, SSLSession previous) throws IOException {
        socket.setSoTimeout(millis());
        RecordingSniMatcher sni = new RecordingSniMatcher(settings.serverName());
        configure(socket, settings, sni);
        socket.startHandshake();
        String request = readLine(socket.getInputStream());
        writeLine(socket.getOutputStream(), Peer.reply(request));
        boolean closedByPeer = socket.getInputStream().read() == -1;
        SSLSession session = socket.getSession();
        return new Seen(session.getProtocol(), session.getCipherSuite(), socket.getApplicationProtocol(),
                peerCommonName(session), sni.requested(), stack.resumed(session, previous), request, closedByPeer);
    }

    @Override
    public Client client(Settings settings) throws Exception {
        SSLContext context = stack.context(settings);
        return new Client() {
            private SSLSession previous;

            @Override
            public Seen exchange(int port, String request) throws IOException {
                try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(LOOPBACK, port)) {
                    socket.setSoTimeout(millis());
                    configure(socket, settings, null);
                    socket.startHandshake();
                    writeLine(socket.getOutputStream(), request);
                    String reply = readLine(socket.getInputStream());
                    SSLSession session = socket.getSession();
                    Boolean resumed = stack.resumed(session, previous);
                    previous = session;
                    return new Seen(session.getProtocol(), session.getCipherSuite(), socket.getApplicationProtocol(),
                            peerCommonName(session), null, resumed, reply, false);
                }
            }

            @Override
            public void close() {
                // the context holds nothing to release
            }
        };
    }

    /** @param sni a server's matcher; null for a client */
    private void configure(SSLSocket socket, Settings settings, RecordingSniMatcher sni) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(settings.versions().stream().map(TlsVersion::jsseName).toArray(String[]::new));
        if (!settings.cipherSuites().isEmpty()) {
            parameters.setCipherSuites(settings.cipherSuites().toArray(new String[0]));
        }
        if (!settings.applicationProtocols().isEmpty()) {
            parameters.setApplicationProtocols(settings.applicationProtocols().toArray(new String[0]));
        }
        if (sni == null) {
            // The certificate names localhost and 127.0.0.1: whichever this client checks, it must match.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (settings.serverName() != null) {
                parameters.setServerNames(List.of(new SNIHostName(settings.serverName())));
            }
        } else {
            parameters.setNeedClientAuth(settings.needClientAuth());
            parameters.setSNIMatchers(List.of(sni));
        }
        socket.setSSLParameters(parameters);
        if (!settings.groups().isEmpty()) {
            stack.restrictGroups(socket, settings.groups());
        }
        if (!settings.signatureSchemes().isEmpty()) {
            stack.restrictSignatureSchemes(socket, settings.signatureSchemes());
        }
    }

    private static String peerCommonName(SSLSession session) {
        try {
            X509Certificate leaf = (X509Certificate) session.getPeerCertificates()[0];
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
            return "";
        } catch (SSLPeerUnverifiedException e) {
            return null;
        } catch (InvalidNameException e) {
            throw new IllegalStateException("a certificate subject the JDK printed does not parse", e);
        }
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One line, read byte by byte so that nothing after it is consumed; the end of stream is an error. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the stream ended before a whole line: " + line.toString(StandardCharsets.UTF_8));
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static int millis() {
        return Math.toIntExact(TIMEOUT.toMillis());
    }

    @Override
    public String toString() {
        return name();
    }
}
