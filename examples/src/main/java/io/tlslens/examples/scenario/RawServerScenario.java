package io.tlslens.examples.scenario;

import io.tlslens.examples.net.Background;
import io.tlslens.examples.net.LoopbackServer;
import io.tlslens.examples.net.Timeouts;
import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSSE client against a server that is not a TLS implementation: a raw socket that does something a
 * TLS server would not (hang up, answer in HTTP, stay silent, send garbage). Only the client's handshake is
 * a handshake; the raw server fails only if it cannot do its act.
 */
public abstract class RawServerScenario extends BaseScenario {
    protected RawServerScenario(String name, String description, Expectation expectation) {
        super(name, description, expectation);
    }

    /** What the server does with the accepted connection (closed afterwards). */
    protected abstract void serve(Socket socket) throws IOException;

    /** The client's SO_TIMEOUT. */
    protected Duration clientReadTimeout() {
        return Timeouts.IO;
    }

    @Override
    public final Outcome run(ScenarioContext context) throws Exception {
        Pki pki = context.pki(KeyType.EC_P256);
        List<Negotiated> clientSaw = new ArrayList<>();
        try (LoopbackServer server = LoopbackServer.plain()) {
            Background<Void> serving = server.serve(1, this::serve);
            Throwable clientFailure = null;
            try {
                clientSaw.add(TlsClient.connect(SslContexts.create(pki, null), server.port(), clientReadTimeout(),
                        socket -> { }));
            } catch (Exception e) {
                clientFailure = e;
            }
            return Outcome.of(clientFailure, serving.failure(Timeouts.IO), clientSaw, List.of());
        }
    }

    /** Reads one TLS record (the ClientHello, in practice) whole: 5 header bytes, then its length. */
    protected static byte[] readRecord(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[5];
        data.readFully(header);
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        byte[] record = new byte[5 + length];
        System.arraycopy(header, 0, record, 0, 5);
        data.readFully(record, 5, length);
        return record;
    }
}
