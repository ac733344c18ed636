package io.tlslens.benchmarks;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@link HelloWorld}'s twin that makes one TLS handshake: what the first handshake of a JVM costs, with and
 * without the agent (startup.py). It prints when {@code main} was entered and when the handshake was done
 * (wall-clock microseconds since the epoch), the handshake being one TLS 1.3 handshake between two in-memory
 * SunJSSE engines: a server with the key and self-signed certificate of the PKCS#12 store {@code args[0]}
 * (password {@code args[1]}), and a client that trusts that certificate. The store comes from keytool, so that
 * nothing but the JDK is loaded to make it.
 */
public final class HelloTls {

    private HelloTls() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("main-entered-us " + micros(Instant.now()));
        char[] password = args[1].toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Paths.get(args[0]))) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        SSLEngine client = context.createSSLEngine(Peers.HOST, 443);
        client.setUseClientMode(true);
        SSLEngine server = context.createSSLEngine();
        server.setUseClientMode(false);
        new EnginePair(client, server).handshake();
        System.out.println("handshake-done-us " + micros(Instant.now()));
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
