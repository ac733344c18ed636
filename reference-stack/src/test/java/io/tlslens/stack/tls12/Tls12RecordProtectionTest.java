package io.tlslens.stack.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.crypto.BcTlsCrypto;
import io.tlslens.stack.crypto.TlsCrypto;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shape of TLS 1.2 AEAD records (RFC 5288 §3, RFC 7905 §2) and what opening refuses. */
class Tls12RecordProtectionTest {
    private static final TlsCrypto CRYPTO = new BcTlsCrypto();
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void gcmRecordsCarryTheSequenceNumberAsExplicitNonce() throws Exception {
        MasterSecret.KeyBlock keys = keys(Tls12CipherSuite.ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
        Tls12RecordProtection writer = keys.client();
        Tls12RecordProtection reader = keys.client();
        for (long seq = 0; seq < 3; seq++) {
            TlsRecord record = TlsRecord.decode(writer.seal(ContentType.application_data, HELLO));
            assertEquals(8 + HELLO.length + 16, record.fragment().length);
            assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) seq}, Arrays.copyOf(record.fragment(), 8));
            assertArrayEquals(HELLO, reader.open(record));
        }
    }

    @Test
    void chaCha20Poly1305RecordsHaveNoExplicitNonce() throws Exception {
        MasterSecret.KeyBlock keys = keys(Tls12CipherSuite.ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);
        TlsRecord record = TlsRecord.decode(keys.server().seal(ContentType.handshake, HELLO));
        assertEquals(HELLO.length + 16, record.fragment().length);
        assertArrayEquals(HELLO, keys.server().open(record));
    }

    @Test
    void aRecordOfTheOtherDirectionOrAlteredOrReplayedIsBadRecordMac() throws Exception {
        MasterSecret.KeyBlock keys = keys(Tls12CipherSuite.ECDHE_ECDSA_WITH_AES_256_GCM_SHA384);
        TlsRecord record = TlsRecord.decode(keys.client().seal(ContentType.application_data, HELLO));
        assertBadRecordMac(() -> keys.server().open(record));

        byte[] altered = record.fragment();
        altered[altered.length - 1] ^= 1;
        assertBadRecordMac(() -> keys.client().open(new TlsRecord(record.contentType(), record.legacyVersion(), altered)));

        TlsRecord retyped = new TlsRecord(ContentType.handshake, record.legacyVersion(), record.fragment());
        assertBadRecordMac(() -> keys.client().open(retyped));

        Tls12RecordProtection reader = keys.client();
        reader.open(record);
        assertBadRecordMac(() -> reader.open(record));

        assertBadRecordMac(() -> keys.client().open(new TlsRecord(ContentType.application_data, record.legacyVersion(), new byte[10])));
    }

    /** Sealing into a buffer writes the very record sealing into an array does, and nothing past it. */
    @Test
    void sealingIntoABufferWritesTheSameRecord() throws Exception {
        MasterSecret.KeyBlock keys = keys(Tls12CipherSuite.ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        byte[] expected = keys.client().seal(ContentType.application_data, HELLO);
        ByteBuffer out = ByteBuffer.allocate(2 + expected.length + 2);
        out.position(2);
        Tls12RecordProtection writer = keys.client();
        writer.seal(ContentType.application_data, ByteBuffer.wrap(HELLO), out);
        assertEquals(2 + expected.length, out.position());
        assertEquals(expected.length, writer.sealedLength(HELLO.length));
        assertArrayEquals(expected, Arrays.copyOfRange(out.array(), 2, 2 + expected.length));
        assertArrayEquals(new byte[2], Arrays.copyOfRange(out.array(), 2 + expected.length, out.capacity()));
    }

    /** 2^14 bytes is the most a record carries (RFC 5246 §6.2.3); one more is record_overflow. */
    @Test
    void aRecordCarriesAtMost2To14Bytes() throws Exception {
        MasterSecret.KeyBlock keys = keys(Tls12CipherSuite.ECDHE_ECDSA_WITH_AES_256_GCM_SHA384);
        byte[] largest = new byte[Tls12RecordProtection.MAX_PLAINTEXT];
        Tls12RecordProtection reader = keys.server();
        assertArrayEquals(largest, reader.open(TlsRecord.decode(keys.server().seal(ContentType.application_data, largest))));
        byte[] tooLong = keys.server().seal(ContentType.application_data, new byte[Tls12RecordProtection.MAX_PLAINTEXT + 1]);
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> keys.server().open(TlsRecord.decode(tooLong)));
        assertEquals(AlertDescription.record_overflow, e.alertDescription());
    }

    @Test
    void aCiphertextByteChangedIsBadRecordMac() throws Exception {
        MasterSecret.KeyBlock keys = keys(Tls12CipherSuite.ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);
        byte[] record = keys.client().seal(ContentType.application_data, new byte[1000]);
        record[500] ^= 1;
        assertBadRecordMac(() -> keys.client().open(ContentType.application_data, 0x0303, ByteBuffer.wrap(record, 5, record.length - 5)));
    }

    private static MasterSecret.KeyBlock keys(Tls12CipherSuite suite) {
        return MasterSecret.resumed(CRYPTO, suite, new byte[MasterSecret.LENGTH]).keyBlock(new byte[32], new byte[32]);
    }

    private static void assertBadRecordMac(org.junit.jupiter.api.function.Executable open) {
        TlsAlertException e = assertThrows(TlsAlertException.class, open);
        assertEquals(AlertDescription.bad_record_mac, e.alertDescription(), e.getMessage());
    }
}
