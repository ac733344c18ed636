package io.tlslens.stack.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.KeyLog;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.crypto.Aead;
import io.tlslens.stack.crypto.BcTlsCrypto;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 8446 §5.2–5.4 beyond the RFC 8448 records: padding, limits, bad records, the sequence number. */
class RecordProtectionTest {
    private static final BcTlsCrypto CRYPTO = new BcTlsCrypto();
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    private final byte[] key = random(16);
    private final byte[] iv = random(12);
    private final RecordProtection sealer = protection();
    private final RecordProtection opener = protection();

    @Test
    void paddingIsAddedAndStripped() throws Exception {
        byte[] record = sealer.seal(ContentType.alert, HELLO, 10);
        assertEquals(5 + HELLO.length + 1 + 10 + 16, record.length);
        assertArrayEquals(new byte[] {23, 3, 3, 0, (byte) (record.length - 5)}, Arrays.copyOf(record, 5));
        RecordProtection.Plaintext plaintext = opener.open(TlsRecord.decode(record));
        assertEquals(ContentType.alert, plaintext.contentType());
        assertArrayEquals(HELLO, plaintext.content());
        assertEquals(1, opener.sequenceNumber());
    }

    @Test
    void largestRecordFits() throws Exception {
        byte[] content = random(RecordProtection.MAX_PLAINTEXT_LENGTH);
        assertArrayEquals(content, opener.open(TlsRecord.decode(sealer.seal(ContentType.application_data, content, 0))).content());
        assertThrows(IllegalArgumentException.class, () -> sealer.seal(ContentType.application_data, content, 1));
        assertThrows(IllegalArgumentException.class,
                () -> sealer.seal(ContentType.application_data, random(RecordProtection.MAX_PLAINTEXT_LENGTH + 1), 0));
        assertThrows(IllegalArgumentException.class, () -> sealer.seal(ContentType.application_data, HELLO, -1));
    }

    /** Sealing into a buffer writes the very record sealing into an array does, padding zeroed whatever was there. */
    @Test
    void sealingIntoABufferWritesTheSameRecord() throws Exception {
        byte[] expected = sealer.seal(ContentType.handshake, HELLO, 7);
        ByteBuffer out = ByteBuffer.allocate(3 + expected.length + 4);
        Arrays.fill(out.array(), (byte) 0x5a);
        out.position(3);
        ByteBuffer content = ByteBuffer.wrap(HELLO);
        protection().seal(ContentType.handshake, content, 7, out);
        assertEquals(3 + expected.length, out.position());
        assertEquals(0, content.remaining(), "the content is consumed");
        assertArrayEquals(expected, Arrays.copyOfRange(out.array(), 3, 3 + expected.length));
        assertEquals(0x5a, out.get(3 + expected.length), "nothing written past the record");
        assertArrayEquals(HELLO, opener.open(TlsRecord.decode(expected)).content());
    }

    /** The fragment is read where it lies (a view into a larger input) and not written to. */
    @Test
    void openingReadsTheFragmentWhereItLies() throws Exception {
        byte[] record = sealer.seal(ContentType.application_data, HELLO, 0);
        byte[] input = new byte[record.length + 10];
        System.arraycopy(record, 0, input, 10, record.length);
        byte[] before = input.clone();
        ByteBuffer fragment = ByteBuffer.wrap(input, 15, record.length - 5).slice();
        RecordProtection.Plaintext opened = opener.open(ContentType.application_data, 0x0303, fragment);
        assertArrayEquals(HELLO, opened.content());
        assertEquals(ByteBuffer.wrap(HELLO), opened.contentBuffer());
        assertTrue(opened.contentBuffer().isReadOnly());
        assertArrayEquals(before, input);
    }

    /** The inner plaintext may reach 2^14 + 1 bytes with padding, and not one byte more. */
    @Test
    void paddingMayFillTheInnerPlaintextToItsLimit() throws Exception {
        byte[] content = random(RecordProtection.MAX_PLAINTEXT_LENGTH - 100);
        byte[] record = sealer.seal(ContentType.application_data, content, 100);
        assertEquals(5 + RecordProtection.MAX_INNER_PLAINTEXT_LENGTH + 16, record.length);
        assertEquals(record.length, sealer.sealedLength(content.length, 100));
        assertArrayEquals(content, opener.open(TlsRecord.decode(record)).content());
        assertThrows(IllegalArgumentException.class, () -> sealer.sealedLength(content.length, 101));
    }

    @Test
    void aCiphertextByteOrAHeaderByteChangedIsBadRecordMac() throws Exception {
        byte[] record = sealer.seal(ContentType.application_data, random(1000), 0);
        byte[] body = record.clone();
        body[500] ^= 1;
        assertAlert(AlertDescription.bad_record_mac, TlsRecord.decode(body));
        RecordProtection fresh = protection();
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> fresh.open(ContentType.application_data, 0x0301, ByteBuffer.wrap(record, 5, record.length - 5)));
        assertEquals(AlertDescription.bad_record_mac, e.alertDescription(), "the header is authenticated too");
    }

    @Test
    void aTamperedRecordIsBadRecordMac() throws Exception {
        byte[] record = sealer.seal(ContentType.application_data, HELLO, 0);
        record[record.length - 1] ^= 1;
        assertAlert(AlertDescription.bad_record_mac, TlsRecord.decode(record));
    }

    @Test
    void aRecordOutOfOrderIsBadRecordMac() throws Exception {
        sealer.seal(ContentType.application_data, HELLO, 0);
        byte[] second = sealer.seal(ContentType.application_data, HELLO, 0);
        assertAlert(AlertDescription.bad_record_mac, TlsRecord.decode(second));
    }

    @Test
    void aProtectedRecordMustSayApplicationData() throws Exception {
        byte[] record = sealer.seal(ContentType.handshake, HELLO, 0);
        record[0] = ContentType.handshake;
        assertAlert(AlertDescription.unexpected_message, TlsRecord.decode(record));
    }

    @Test
    void ciphertextLongerThan2To14Plus256IsRecordOverflow() {
        byte[] fragment = new byte[RecordProtection.MAX_CIPHERTEXT_LENGTH + 1];
        assertAlert(AlertDescription.record_overflow, new TlsRecord(ContentType.application_data, 0x0303, fragment));
    }

    /** A peer that encrypts more than 2^14 + 1 bytes of TLSInnerPlaintext. */
    @Test
    void plaintextLongerThan2To14Plus1IsRecordOverflow() {
        byte[] inner = new byte[RecordProtection.MAX_PLAINTEXT_LENGTH + 2];
        inner[inner.length - 1] = ContentType.application_data;
        assertAlert(AlertDescription.record_overflow, peerRecord(inner));
    }

    /** RFC 8446 §5.4: an inner plaintext that is empty or all padding has no content type. */
    @Test
    void plaintextWithoutContentTypeIsUnexpectedMessage() {
        assertAlert(AlertDescription.unexpected_message, peerRecord(new byte[0]));
        RecordProtection fresh = protection();
        TlsRecord allZeros = peerRecord(new byte[20]);
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> fresh.open(allZeros));
        assertEquals(AlertDescription.unexpected_message, e.alertDescription());
        assertEquals("unexpected_message: protected record without a content type", e.getMessage());
    }

    /** RFC 8446 §5.5: a sequence number never wraps. */
    @Test
    void theSequenceNumberDoesNotWrap() {
        Aead aead = CRYPTO.aead(CipherSuite.TLS_AES_128_GCM_SHA256, key);
        RecordProtection nearTheEnd = new RecordProtection(aead, iv, -2L);
        nearTheEnd.seal(ContentType.application_data, HELLO, 0);
        nearTheEnd.seal(ContentType.application_data, HELLO, 0);
        assertEquals(0, nearTheEnd.sequenceNumber());
        assertThrows(IllegalStateException.class, () -> nearTheEnd.seal(ContentType.application_data, HELLO, 0));
    }

    @ParameterizedTest
    @EnumSource(Tls13CipherSuite.class)
    void everySuiteProtectsRecords(Tls13CipherSuite suite) throws Exception {
        int hashLength = suite.hash(CRYPTO).length();
        TrafficSecret secret = new KeySchedule(CRYPTO, suite, new byte[32], KeyLog.NONE, HandshakeObserver.NONE)
                .withoutPsk().handshake(random(32)).serverHandshakeTrafficSecret(random(hashLength));
        RecordProtection sealer = RecordProtection.of(secret);
        RecordProtection opener = RecordProtection.of(secret);
        for (int i = 0; i < 3; i++) {
            byte[] content = random(100 * i);
            RecordProtection.Plaintext opened = opener.open(TlsRecord.decode(sealer.seal(ContentType.handshake, content, i)));
            assertArrayEquals(content, opened.content());
            assertEquals(ContentType.handshake, opened.contentType());
        }
    }

    private RecordProtection protection() {
        return new RecordProtection(CRYPTO.aead(CipherSuite.TLS_AES_128_GCM_SHA256, key), iv);
    }

    /** A record as a peer might build it, with any inner plaintext, for sequence number 0. */
    private TlsRecord peerRecord(byte[] inner) {
        int length = inner.length + 16;
        byte[] header = {23, 3, 3, (byte) (length >>> 8), (byte) length};
        byte[] fragment = CRYPTO.aead(CipherSuite.TLS_AES_128_GCM_SHA256, key).seal(iv, header, inner);
        return new TlsRecord(ContentType.application_data, 0x0303, fragment);
    }

    private void assertAlert(int alert, TlsRecord record) {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> opener.open(record));
        assertEquals(alert, e.alertDescription(), e.getMessage());
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        new SecureRandom().nextBytes(out);
        return out;
    }
}
