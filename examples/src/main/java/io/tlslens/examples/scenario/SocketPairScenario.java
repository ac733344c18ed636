package io.tlslens.examples.scenario;

import io.tlslens.examples.net.Background;
import io.tlslens.examples.net.LoopbackServer;
import io.tlslens.examples.net.Timeouts;
import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A JSSE SSLSocket client against a JSSE SSLServerSocket, both in this JVM. By default: the PKI's good
 * server certificate, no client certificate, every protocol the JDK enables, one connection. A scenario
 * changes what it is about by overriding the hooks.
 */
public abstract class SocketPairScenario extends BaseScenario {
    protected SocketPairScenario(String name, String description, Expectation expectation) {
        super(name, description, expectation);
    }

    /** The key type of the PKI this scenario's certificates come from. */
    protected KeyType keyType() {
        return KeyType.EC_P256;
    }

    protected Credential serverCredential(Pki pki) {
        return pki.server();
    }

    /** What the client presents when asked for a certificate; null for nothing. */
    protected Credential clientCredential(Pki pki) {
        return null;
    }

    /** The server's SSLContext: by default it trusts the PKI's root and presents {@link #serverCredential}. */
    protected SSLContext serverContext(Pki pki) throws GeneralSecurityException {
        return SslContexts.create(pki, serverCredential(pki));
    }

    /** The client's SSLContext: by default it trusts the PKI's root and presents {@link #clientCredential}. */
    protected SSLContext clientContext(Pki pki) throws GeneralSecurityException {
        return SslContexts.create(pki, clientCredential(pki));
    }

    /** Sequential connections from the same client SSLContext (more than one to resume a session). */
    protected int connections() {
        return 1;
    }

    /** Changes to each accepted socket before its handshake. */
    protected void configureServer(SSLSocket socket) {
    }

    /** Changes to the client socket before its handshake. */
    protected void configureClient(SSLSocket socket) {
    }

    /**
     * For a completed run: the property this scenario demonstrates that did not hold (e.g. "expected
     * TLSv1.2, negotiated TLSv1.3"), or null when it held.
     */
    protected String unmet(List<Negotiated> client, List<Negotiated> server) {
        return null;
    }

    @Override
    public Optional<String> unavailableReason() {
        return keyType().isAvailable() ? Optional.empty()
                : Optional.of(keyType() + " keys are not supported by this JVM");
    }

    @Override
    public Outcome run(ScenarioContext context) throws Exception {
        Pki pki = context.pki(keyType());
        return connect(serverContext(pki), clientContext(pki));
    }

    /** Runs {@link #connections()} handshakes, each followed by a line each way, between the two contexts. */
    protected final Outcome connect(SSLContext serverContext, SSLContext clientContext) throws Exception {
        List<Negotiated> serverSaw = new CopyOnWriteArrayList<>();
        List<Negotiated> clientSaw = new ArrayList<>();
        try (LoopbackServer server = LoopbackServer.tls(serverContext)) {
            Background<Void> serving = server.serve(connections(), TlsServer.handler(this::configureServer, serverSaw));
            Throwable clientFailure = null;
            try {
                for (int i = 0; i < connections(); i++) {
                    clientSaw.add(TlsClient.connect(clientContext, server.port(), Timeouts.IO, this::configureClient));
                }
            } catch (Exception e) {
                clientFailure = e;
            }
            Throwable serverFailure = serving.failure(Timeouts.IO);
            return Outcome.of(clientFailure, serverFailure, clientSaw, serverSaw)
                    .check(() -> unmet(clientSaw, serverSaw));
        }
    }
}
