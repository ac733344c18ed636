package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.ContentType;
import io.tlslens.wire.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application-data path of both versions (RFC 8446 §5, RFC 5246 §6.2): records at the size
 * limits, sealing straight into the caller's buffer, reading back in any pieces, input buffers left
 * as they were, and a tampered record refused.
 */
class ApplicationDataTest {
    private static final int MAX_PLAINTEXT = 1 << 14;

    @ParameterizedTest
    @ValueSource(ints = {ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2})
    void aRecordCarriesExactly2To14Bytes(int version) throws Exception {
        Loopback pair = established(version);
        byte[] data = random(MAX_PLAINTEXT);
        ByteBuffer src = ByteBuffer.wrap(data);
        assertEquals(MAX_PLAINTEXT, pair.client.writePlaintext(src));
        List<byte[]> records = Loopback.takeRecords(pair.client);
        assertEquals(1, records.size());
        assertEquals(pair.client.maxRecordSize(), records.get(0).length, "the largest record is exactly maxRecordSize");
        Loopback.deliver(pair.server, records);
        assertArrayEquals(data, readAll(pair.server, MAX_PLAINTEXT));
    }

    @ParameterizedTest
    @ValueSource(ints = {ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2})
    void oneByteOver2To14GoesInASecondRecord(int version) throws Exception {
        Loopback pair = established(version);
        byte[] data = random(MAX_PLAINTEXT + 1);
        ByteBuffer src = ByteBuffer.wrap(data);
        assertEquals(MAX_PLAINTEXT, pair.client.writePlaintext(src));
        assertEquals(1, pair.client.writePlaintext(src));
        List<byte[]> records = Loopback.takeRecords(pair.client);
        assertEquals(2, records.size());
        assertEquals(pair.client.maxRecordSize() - (MAX_PLAINTEXT - 1), records.get(1).length, "the second record carries one byte");
        Loopback.deliver(pair.server, records);
        assertArrayEquals(data, readAll(pair.server, 1000));
    }

    @ParameterizedTest
    @ValueSource(ints = {ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2})
    void aRecordIsSealedStraightIntoTheCallersBuffer(int version) throws Exception {
        Loopback pair = established(version);
        byte[] data = random(3000);
        ByteBuffer dst = ByteBuffer.allocate(7 + pair.client.maxRecordSize());
        dst.position(7);
        ByteBuffer src = ByteBuffer.wrap(data);
        assertEquals(3000, pair.client.writePlaintext(src, dst));
        assertEquals(0, pair.client.pendingOutput(), "nothing queued");
        assertEquals(ContentType.application_data, dst.get(7));
        byte[] record = new byte[dst.position() - 7];
        dst.flip().position(7);
        dst.get(record);
        Loopback.deliver(pair.server, List.of(record));
        assertArrayEquals(data, readAll(pair.server, 3000));
    }

    /** Records leave in the order they were made: behind a queued record, a new one queues too. */
    @ParameterizedTest
    @ValueSource(ints = {ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2})
    void behindAQueuedRecordTheNewOneQueues(int version) throws Exception {
        Loopback pair = established(version);
        pair.client.writePlaintext(ByteBuffer.wrap(bytes("first ")));
        ByteBuffer dst = ByteBuffer.allocate(pair.client.maxRecordSize());
        assertEquals(7, pair.client.writePlaintext(ByteBuffer.wrap(bytes("second ")), dst));
        assertEquals(0, dst.position(), "the caller's buffer is left alone");
        ByteBuffer direct = ByteBuffer.allocateDirect(pair.client.maxRecordSize());
        List<byte[]> records = Loopback.takeRecords(pair.client);
        assertEquals(2, records.size());
        pair.client.writePlaintext(ByteBuffer.wrap(bytes("third")), direct);
        records.add(bytes(direct.flip()));
        Loopback.deliver(pair.server, records);
        assertEquals("first second third", Loopback.read(pair.server));
    }

    /** The peer's records are opened from the input's bytes, into buffers of the connection's own. */
    @ParameterizedTest
    @ValueSource(ints = {ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2})
    void openingLeavesTheInputAsItWas(int version) throws Exception {
        Loopback pair = established(version);
        byte[] data = random(5000);
        pair.client.writePlaintext(ByteBuffer.wrap(data));
        byte[] record = Loopback.takeRecords(pair.client).get(0);
        ByteBuffer input = ByteBuffer.allocateDirect(record.length + 3);
        input.put(record).put(new byte[] {1, 2, 3}).flip();
        assertTrue(pair.server.processRecord(input));
        assertEquals(record.length, input.position(), "one record consumed, the bytes after it left");
        input.position(0).limit(record.length);
        assertArrayEquals(record, bytes(input));
        assertArrayEquals(data, readAll(pair.server, 4096));
    }

    /**
     * Records are opened into one array while the application keeps up; unread data is never
     * overwritten by the records that arrive after it, whatever their type.
     */
    @ParameterizedTest
    @ValueSource(ints = {ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2})
    void unreadDataSurvivesTheRecordsAfterIt(int version) throws Exception {
        Loopback pair = established(version);
        byte[] first = random(MAX_PLAINTEXT);
        byte[] second = random(MAX_PLAINTEXT - 1);
        pair.client.writePlaintext(ByteBuffer.wrap(first));
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        ByteBuffer start = ByteBuffer.allocate(100);
        pair.server.readPlaintext(start); // part read: the rest must stay as it was
        pair.client.writePlaintext(ByteBuffer.wrap(second));
        if (version == ProtocolVersion.TLSv1_3) {
            pair.client.updateKeys(false); // a handshake record after the data, opened while data is unread
        }
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        byte[] rest = readAll(pair.server, 5000);
        ByteBuffer all = ByteBuffer.allocate(first.length + second.length);
        all.put(start.flip()).put(rest);
        ByteBuffer expected = ByteBuffer.allocate(all.capacity()).put(first).put(second);
        assertArrayEquals(expected.array(), all.array());
        pair.client.writePlaintext(ByteBuffer.wrap(first));
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        assertArrayEquals(first, readAll(pair.server, MAX_PLAINTEXT), "after everything was read, the next record too");
    }

    @ParameterizedTest
    @ValueSource(ints = {ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2})
    void aTamperedRecordIsBadRecordMac(int version) throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(config(TestConfigs.client(), version).build(),
                config(TestConfigs.server(), version).observer(serverEvents).build());
        pair.handshake();
        pair.client.writePlaintext(ByteBuffer.wrap(random(MAX_PLAINTEXT)));
        byte[] record = Loopback.takeRecords(pair.client).get(0);
        record[record.length / 2] ^= 1; // a ciphertext byte, far from the tag
        assertThrows(SSLException.class, () -> Loopback.deliver(pair.server, List.of(record)));
        assertTrue(serverEvents.events.contains("sent alert bad_record_mac"), serverEvents.events.toString());
        assertEquals(0, pair.server.availablePlaintext(), "nothing of the record reaches the application");
    }

    private static Loopback established(int version) throws SSLException {
        Loopback pair = new Loopback(config(TestConfigs.client(), version).build(), config(TestConfigs.server(), version).build());
        pair.handshake();
        return pair;
    }

    private static TlsConfig.Builder config(TlsConfig.Builder builder, int version) {
        return builder.versions(List.of(version));
    }

    /** Everything {@code c} has received, read in pieces of at most {@code piece} bytes. */
    private static byte[] readAll(TlsConnection c, int piece) {
        ByteBuffer all = ByteBuffer.allocate(c.availablePlaintext());
        List<Integer> reads = new ArrayList<>();
        while (c.availablePlaintext() > 0) {
            ByteBuffer dst = ByteBuffer.allocate(piece);
            reads.add(c.readPlaintext(dst));
            all.put(dst.flip());
        }
        assertTrue(reads.stream().allMatch(n -> n > 0), reads.toString());
        return all.array();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        new Random(length).nextBytes(out);
        return out;
    }
}
