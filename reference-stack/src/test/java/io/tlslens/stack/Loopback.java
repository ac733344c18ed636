package io.tlslens.stack;

import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * A client and a server connection wired to each other in memory: records move only when the test
 * says so, whole, so a test can look at, drop, reorder or corrupt any of them.
 */
final class Loopback {
    final TlsConnection client;
    final TlsConnection server;

    Loopback(TlsConfig clientConfig, TlsConfig serverConfig) {
        this.client = Tls.client(clientConfig);
        this.server = Tls.server(serverConfig);
    }

    /** Runs the handshake to completion on both sides (the client's last flight included). */
    void handshake() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        pump();
        if (!client.isHandshakeComplete() || !server.isHandshakeComplete()) {
            throw new AssertionError("handshake stalled: client " + client.isHandshakeComplete()
                    + ", server " + server.isHandshakeComplete());
        }
    }

    /** Moves records both ways until neither side has output. */
    void pump() throws SSLException {
        while (client.pendingOutput() > 0 || server.pendingOutput() > 0) {
            deliver(server, takeRecords(client));
            deliver(client, takeRecords(server));
        }
    }

    /** The whole records {@code from} has queued. */
    static List<byte[]> takeRecords(TlsConnection from) {
        List<byte[]> records = new ArrayList<>();
        while (from.nextRecordSize() > 0) {
            ByteBuffer one = ByteBuffer.allocate(from.nextRecordSize());
            from.takeOutput(one);
            records.add(one.array());
        }
        return records;
    }

    /** Feeds records to {@code to}, each of which it must consume whole. */
    static void deliver(TlsConnection to, List<byte[]> records) throws SSLException {
        for (byte[] record : records) {
            ByteBuffer src = ByteBuffer.wrap(record);
            if (!to.processRecord(src) || src.hasRemaining()) {
                throw new AssertionError("record not consumed whole");
            }
        }
    }

    /** Writes {@code text} on {@code from}, delivers it, and returns what {@code to} reads. */
    static String transfer(TlsConnection from, TlsConnection to, String text) throws SSLException {
        ByteBuffer src = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (src.hasRemaining()) {
            from.writePlaintext(src);
        }
        deliver(to, takeRecords(from));
        return read(to);
    }

    static String read(TlsConnection c) {
        ByteBuffer dst = ByteBuffer.allocate(c.availablePlaintext());
        c.readPlaintext(dst);
        return new String(dst.array(), StandardCharsets.UTF_8);
    }

    /** The content types of {@code records}, e.g. [22, 20, 23]. */
    static List<Integer> contentTypes(List<byte[]> records) throws Exception {
        List<Integer> types = new ArrayList<>();
        for (byte[] r : records) {
            types.add(TlsRecord.decode(r).contentType());
        }
        return types;
    }
}
