package io.tlslens.agent.keylog;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The child JVM of {@link JsseKeyLogIT} and {@link ReferenceKeyLogIT}: on {@code 127.0.0.1:args[0]},
 * one TLS 1.3 and then one TLS 1.2 connection (or those of the comma-separated {@code args[2]}),
 * each a full handshake plus one line of application data each way that carries {@code args[1]}.
 * Prints a line per connection: {@code exchanged TLSv1.3 <cipher suite>}.
 */
public final class KeyLogExchangeApp {

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private KeyLogExchangeApp() {
    }

    static String request(String marker, String protocol) {
        return marker + " request over " + protocol;
    }

    static String reply(String marker, String protocol) {
        return marker + " reply over " + protocol;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String marker = args[1];
        List<String> protocols = args.length > 2 ? List.of(args[2].split(",")) : PROTOCOLS;
        Pki pki = new Pki(KeyType.EC_P256);
        SSLContext server = SslContexts.create(pki, pki.server());
        SSLContext client = SslContexts.create(null, pki.trustManagers());
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(port, 50, loopback)) {
            for (String protocol : protocols) {
                Thread serving = new Thread(() -> serve(listener, marker, protocol), "server-" + protocol);
                serving.start();
                try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(loopback, port)) {
                    socket.setSoTimeout(10_000);
                    socket.setEnabledProtocols(new String[] {protocol});
                    socket.startHandshake();
                    writeLine(socket.getOutputStream(), request(marker, protocol));
                    String answer = reader(socket).readLine();
                    if (!reply(marker, protocol).equals(answer)) {
                        throw new IllegalStateException("unexpected reply over " + protocol + ": " + answer);
                    }
                    System.out.println("exchanged " + socket.getSession().getProtocol() + " "
                            + socket.getSession().getCipherSuite());
                }
                serving.join(10_000);
            }
        }
    }

    private static void serve(SSLServerSocket listener, String marker, String protocol) {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(10_000);
            String request = reader(socket).readLine();
            if (!request(marker, protocol).equals(request)) {
                throw new IllegalStateException("unexpected request over " + protocol + ": " + request);
            }
            writeLine(socket.getOutputStream(), reply(marker, protocol));
            // Wait for the client's close, so that the reply is on the wire before the connection goes.
            socket.getInputStream().read();
        } catch (IOException | RuntimeException e) {
            System.err.println("server: " + e);
        }
    }

    private static BufferedReader reader(SSLSocket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
        writer.write(line + "\n");
        writer.flush();
    }
}
