package io.tlslens.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Records, handshake reassembly and the per-connection decoder. */
class FramingTest {
    private static final byte[] CCS_RECORD = {20, 3, 3, 0, 1, 1};

    @Test
    void recordDecodesFromAStreamPrefix() throws DecodeException {
        byte[] stream = Samples.concat(CCS_RECORD, new byte[] {22, 3, 1});
        TlsRecord r = TlsRecord.decode(stream, 0, stream.length);
        assertEquals(ContentType.change_cipher_spec, r.contentType());
        assertEquals(ProtocolVersion.TLSv1_2, r.legacyVersion());
        assertEquals(6, r.encodedLength());
        assertArrayEquals(CCS_RECORD, r.encode());
        assertNull(TlsRecord.decode(stream, 6, 3), "the second record is incomplete");
        for (int n = 0; n < CCS_RECORD.length; n++) {
            assertNull(TlsRecord.decode(CCS_RECORD, 0, n));
        }
    }

    @Test
    void recordRejectsWhatIsNotTlsAtTheFirstByte() {
        byte[] http = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        DecodeException e = assertThrows(DecodeException.class, () -> TlsRecord.decode(http, 0, 1));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("not TLS"));
        // An SSLv2-compatible ClientHello starts with the high bit of a 2-byte length.
        assertThrows(DecodeException.class, () -> TlsRecord.decode(new byte[] {(byte) 0x80, 0x2e, 1, 3, 1}, 0, 5));
        assertThrows(DecodeException.class, () -> TlsRecord.decode(new byte[] {22, 2}, 0, 2));
    }

    @Test
    void recordRejectsOversizedLengthWithoutWaitingForTheFragment() throws DecodeException {
        byte[] header = {23, 3, 3, 0x48, 0x01};
        DecodeException e = assertThrows(DecodeException.class, () -> TlsRecord.decode(header, 0, header.length));
        assertEquals(3, e.offset());
        byte[] max = {23, 3, 3, 0x48, 0x00};
        assertNull(TlsRecord.decode(max, 0, max.length));
        assertThrows(DecodeException.class, () -> TlsRecord.decode(Samples.concat(CCS_RECORD, new byte[1])));
    }

    @Test
    void reassemblesAMessageSplitAcrossRecordsAndSeveralMessagesInOne() throws DecodeException {
        byte[] ch = Samples.messages().get(0).message.encode();
        byte[] done = new ServerHelloDone().encode();
        byte[] stream = Samples.concat(Samples.concat(ch, done), Samples.concat(new HelloRequest().encode(), ch));
        for (int slice : new int[] {1, 3, 4, 5, 100, stream.length}) {
            HandshakeReassembler reassembler = new HandshakeReassembler();
            List<HandshakeFrame> frames = new ArrayList<>();
            for (int pos = 0; pos < stream.length; pos += slice) {
                frames.addAll(reassembler.add(stream, pos, Math.min(slice, stream.length - pos)));
                assertEquals(pos + slice >= stream.length, reassembler.isEmpty() && frames.size() == 4);
            }
            assertEquals(4, frames.size(), "slice " + slice);
            assertArrayEquals(ch, frames.get(0).encode());
            assertEquals(HandshakeType.server_hello_done, frames.get(1).type());
            assertEquals(0, frames.get(2).body().length);
            assertArrayEquals(ch, frames.get(3).encode());
        }
    }

    @Test
    void reassemblerRejectsADeclaredLengthAboveTheMaximumBeforeBuffering() throws DecodeException {
        HandshakeReassembler reassembler = new HandshakeReassembler(100);
        assertEquals(1, reassembler.add(new ServerHelloDone().encode()).size());
        DecodeException e = assertThrows(DecodeException.class, () -> reassembler.add(new byte[] {11, 0, 0, 101}));
        assertEquals(5, e.offset());
        assertTrue(e.getMessage().startsWith("Certificate length 101 exceeds the maximum of 100"));
        assertEquals(65536, HandshakeReassembler.DEFAULT_MAX_MESSAGE_LENGTH);
        assertThrows(DecodeException.class, () -> new HandshakeReassembler().add(new byte[] {11, 1, 0, 1}));
    }

    @Test
    void decoderLearnsVersionAndSuiteFromTheServerHelloButNotFromAHelloRetryRequest() throws DecodeException {
        Capture hrr = Capture.load("openssl-tls13-hrr.txt");
        HandshakeDecoder decoder = new HandshakeDecoder();
        assertEquals(OptionalInt.empty(), decoder.version());
        decoder.decode(hrr.messages.get(0).wire);
        decoder.decode(hrr.messages.get(1).wire);
        assertEquals(OptionalInt.empty(), decoder.version(), "a HelloRetryRequest negotiates nothing yet");
        decoder.decode(hrr.messages.get(3).wire);
        assertEquals(OptionalInt.of(ProtocolVersion.TLSv1_3), decoder.version());
        assertEquals(OptionalInt.of(CipherSuite.TLS_AES_256_GCM_SHA384), decoder.cipherSuite());
        assertTrue(((Certificate) decoder.decode(hrr.messages.get(5).wire)).isTls13());

        HandshakeDecoder tls12 = new HandshakeDecoder();
        Capture c = Capture.load("openssl-tls12-ecdhe-ecdsa.txt");
        tls12.decode(c.messages.get(1).wire);
        assertEquals(OptionalInt.of(ProtocolVersion.TLSv1_2), tls12.version());
        assertFalse(((Certificate) tls12.decode(c.messages.get(2).wire)).isTls13());
    }

    @Test
    void versionDependentMessagesNeedAServerHelloFirst() {
        byte[] certificate = Certificate.tls12(List.of(new byte[10])).encode();
        DecodeException e = assertThrows(DecodeException.class, () -> new HandshakeDecoder().decode(certificate));
        assertTrue(e.getMessage().startsWith("Certificate before any ServerHello"));
        byte[] clientKeyExchange = ClientKeyExchange.ecdhe(new byte[32]).encode();
        assertThrows(DecodeException.class, () -> new HandshakeDecoder().decode(clientKeyExchange));
    }

    @Test
    void decoderChecksTheHeaderLength() {
        byte[] done = {14, 0, 0, 2, 0};
        DecodeException e = assertThrows(DecodeException.class, () -> new HandshakeDecoder().decode(done));
        assertEquals(1, e.offset());
        DecodeException trailing = assertThrows(DecodeException.class,
                () -> new HandshakeDecoder().decode(HandshakeType.server_hello_done, new byte[1]));
        assertEquals(0, trailing.offset());
    }

    @Test
    void keyUpdateRejectsUndefinedRequestValues() {
        assertThrows(DecodeException.class, () -> KeyUpdate.decode(new byte[] {2}));
    }

    @Test
    void sessionIdLongerThan32BytesIsMalformed() {
        byte[] body = new ServerHello(ProtocolVersion.TLSv1_2, new byte[32], new byte[32], 0x1301, 0, List.of()).encodeBody();
        body[34] = 33;
        DecodeException e = assertThrows(DecodeException.class, () -> ServerHello.decode(body));
        assertEquals(34, e.offset());
    }
}
