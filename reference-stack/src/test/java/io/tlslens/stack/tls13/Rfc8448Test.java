package io.tlslens.stack.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.stack.KeyLog;
import io.tlslens.stack.crypto.BcTlsCrypto;
import io.tlslens.stack.crypto.FixedRandom;
import io.tlslens.stack.crypto.HashFunction;
import io.tlslens.stack.crypto.TlsCrypto;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateVerify;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.Finished;
import io.tlslens.wire.HandshakeDecoder;
import io.tlslens.wire.HandshakeMessage;
import io.tlslens.wire.KeyShareExtension;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.NewSessionTicket;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.SignatureScheme;
import io.tlslens.wire.TlsRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * The five handshakes of RFC 8448, reproduced byte for byte with the reference stack's crypto: the
 * ephemeral keys from the published private keys, every secret of the key schedule, every traffic
 * key and IV, both Finished MACs, the PSK binder, the HelloRetryRequest transcript, and every
 * protected record sealed again to the same bytes. Each handshake message is decoded and encoded
 * again by the wire codec on the way.
 */
class Rfc8448Test {
    private static final TlsCrypto CRYPTO = new BcTlsCrypto();
    private static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;
    private static final HashFunction SHA256 = CRYPTO.hash("SHA-256");
    private static final byte[] CLOSE_NOTIFY = {1, 0};

    @Test
    void simpleOneRoundTripHandshake() throws Exception {
        Rfc8448Trace trace = Rfc8448Trace.section(3);
        Handshake hs = new Handshake(trace, NamedGroup.x25519, "x25519");
        hs.clientHelloAndServerHello();
        assertHex(trace, "hash_client_hello_server_hello", hs.transcript.currentHash());
        hs.handshakeSecrets(hs.schedule.withoutPsk());

        hs.serverFlight(SignatureScheme.rsa_pss_rsae_sha256, "encrypted_extensions", "certificate",
                "certificate_verify", "server_finished");
        assertHex(trace, "hash_through_server_finished", hs.transcript.currentHash());
        hs.applicationSecrets(true);
        hs.clientFinished("client_finished_record");
        assertHex(trace, "client_finished", hs.clientFinished.encode());
        assertHex(trace, "hash_through_client_finished", hs.transcript.currentHash());
        ResumptionMasterSecret resumption = hs.master.resumptionMasterSecret(hs.transcript.currentHash());
        assertHex(trace, "res_master", resumption.secret());

        // the server's NewSessionTicket, application data and alert; the client's data and alert
        Protection server = hs.serverApplication();
        RecordProtection.Plaintext ticketRecord = server.open("new_session_ticket_record", ContentType.handshake);
        assertHex(trace, "new_session_ticket", ticketRecord.content());
        NewSessionTicket ticket = (NewSessionTicket) hs.decode(ticketRecord.content());
        assertHex(trace, "resumption_psk", resumption.psk(ticket.nonce()));
        assertHex(trace, "application_data",
                server.open("server_application_data_record", ContentType.application_data).content());
        assertArrayEquals(CLOSE_NOTIFY, server.open("server_close_notify_record", ContentType.alert).content());
        Protection client = hs.clientApplication();
        assertHex(trace, "application_data",
                client.open("client_application_data_record", ContentType.application_data).content());
        assertArrayEquals(CLOSE_NOTIFY, client.open("client_close_notify_record", ContentType.alert).content());

        hs.assertReported(true);
        assertEquals(Set.of(), trace.unused());
    }

    @Test
    void resumedZeroRoundTripHandshake() throws Exception {
        Rfc8448Trace trace = Rfc8448Trace.section(4);
        Handshake hs = new Handshake(trace, NamedGroup.x25519, "x25519");
        EarlySecret early = hs.schedule.withPsk(trace.bytes("psk"));
        assertHex(trace, "early_secret", early.secret());

        // the binder covers the ClientHello up to its binders list: 2 bytes of list length, one binder of 1 + 32
        byte[] clientHello = trace.fragment("client_hello_record");
        byte[] partial = Arrays.copyOf(clientHello, clientHello.length - (2 + 1 + 32));
        byte[] binderHash = hs.transcript.hashWithPartialClientHello(SHA256, partial);
        assertHex(trace, "binder_hash", binderHash);
        assertHex(trace, "binder", early.binder(EarlySecret.PskKind.RESUMPTION, binderHash));
        assertTrue(early.binderMatches(EarlySecret.PskKind.RESUMPTION, binderHash, trace.bytes("binder")));
        assertFalse(early.binderMatches(EarlySecret.PskKind.EXTERNAL, binderHash, trace.bytes("binder")));

        hs.clientHello();
        hs.transcript.useHash(SHA256);
        assertHex(trace, "hash_client_hello", hs.transcript.currentHash());
        TrafficSecret clientEarly = early.clientEarlyTrafficSecret(hs.transcript.currentHash());
        assertHex(trace, "c_e_traffic", clientEarly.secret());
        assertHex(trace, "c_e_key", clientEarly.keys().key());
        assertHex(trace, "c_e_iv", clientEarly.keys().iv());
        Protection earlyData = new Protection(trace, clientEarly);
        assertHex(trace, "early_application_data",
                earlyData.open("early_application_data_record", ContentType.application_data).content());

        hs.serverHello();
        hs.handshakeSecrets(early);
        hs.serverFlight(-1, "encrypted_extensions", "server_finished");
        hs.applicationSecrets(false);
        // EndOfEarlyData goes under the early-data keys, then the client's Finished under its handshake keys
        RecordProtection.Plaintext endOfEarlyData = earlyData.open("end_of_early_data_record", ContentType.handshake);
        hs.transcript.add(hs.decode(endOfEarlyData.content()));
        hs.clientFinished("client_finished_record");

        Protection server = hs.serverApplication();
        assertHex(trace, "application_data",
                server.open("server_application_data_record", ContentType.application_data).content());
        assertArrayEquals(CLOSE_NOTIFY, server.open("server_close_notify_record", ContentType.alert).content());
        Protection client = hs.clientApplication();
        assertHex(trace, "application_data",
                client.open("client_application_data_record", ContentType.application_data).content());
        assertArrayEquals(CLOSE_NOTIFY, client.open("client_close_notify_record", ContentType.alert).content());

        assertEquals(List.of(KeyLog.CLIENT_EARLY_TRAFFIC_SECRET, KeyLog.CLIENT_HANDSHAKE_TRAFFIC_SECRET,
                KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET, KeyLog.CLIENT_TRAFFIC_SECRET_0, KeyLog.SERVER_TRAFFIC_SECRET_0,
                KeyLog.EXPORTER_SECRET), List.copyOf(hs.recorder.keyLog.keySet()));
        assertHex(trace, "c_e_traffic", hs.recorder.keyLog.get(KeyLog.CLIENT_EARLY_TRAFFIC_SECRET));
        assertEquals(Set.of(), trace.unused());
    }

    @Test
    void helloRetryRequest() throws Exception {
        Rfc8448Trace trace = Rfc8448Trace.section(5);
        Handshake hs = new Handshake(trace, NamedGroup.secp256r1, "p256");
        assertHex(trace, "client_p256_public", hs.clientShare.publicKey());
        assertHex(trace, "server_p256_public", hs.serverShare.publicKey());

        ClientHello clientHello1 = (ClientHello) hs.decode(trace.fragment("client_hello_1_record"));
        assertArrayEquals(keyShare(trace.bytes("client_x25519_private"), NamedGroup.x25519).publicKey(),
                keyShare(clientHello1.extension(KeyShareExtension.class).orElseThrow()));
        hs.transcript.add(clientHello1);
        ServerHello retry = (ServerHello) hs.decode(trace.fragment("hello_retry_request_record"));
        assertTrue(retry.isHelloRetryRequest());
        hs.transcript.useHash(Tls13CipherSuite.byCode(retry.cipherSuite()).orElseThrow().hash(CRYPTO));
        hs.transcript.replaceClientHelloWithMessageHash();
        hs.transcript.add(retry);
        ClientHello clientHello2 = (ClientHello) hs.decode(trace.fragment("client_hello_2_record"));
        assertArrayEquals(hs.clientShare.publicKey(), keyShare(clientHello2.extension(KeyShareExtension.class).orElseThrow()));
        hs.transcript.add(clientHello2);
        hs.serverHello();
        assertHex(trace, "hash_client_hello_server_hello", hs.transcript.currentHash());

        // without the message_hash rewrite, the transcript would hash ClientHello1 itself
        Transcript plain = new Transcript(SHA256);
        for (String record : List.of("client_hello_1_record", "hello_retry_request_record", "client_hello_2_record",
                "server_hello_record")) {
            plain.add(trace.fragment(record));
        }
        assertNotEquals(Hex.toHexString(plain.currentHash()), Hex.toHexString(hs.transcript.currentHash()));

        hs.handshakeSecrets(hs.schedule.withoutPsk());
        hs.serverFlight(SignatureScheme.rsa_pss_rsae_sha256, "encrypted_extensions", "certificate",
                "certificate_verify", "server_finished");
        assertHex(trace, "hash_through_server_finished", hs.transcript.currentHash());
        hs.applicationSecrets(true);
        hs.clientFinished("client_finished_record");
        assertArrayEquals(CLOSE_NOTIFY,
                hs.serverApplication().open("server_close_notify_record", ContentType.alert).content());
        assertArrayEquals(CLOSE_NOTIFY,
                hs.clientApplication().open("client_close_notify_record", ContentType.alert).content());
        hs.assertReported(false);
        assertEquals(Set.of(), trace.unused());
    }

    @Test
    void clientAuthentication() throws Exception {
        Rfc8448Trace trace = Rfc8448Trace.section(6);
        Handshake hs = new Handshake(trace, NamedGroup.x25519, "x25519");
        hs.clientHelloAndServerHello();
        hs.handshakeSecrets(hs.schedule.withoutPsk());
        hs.serverFlight(SignatureScheme.ecdsa_secp256r1_sha256, "encrypted_extensions", "certificate_request",
                "certificate", "certificate_verify", "server_finished");
        hs.applicationSecrets(true);

        // the client's Certificate, CertificateVerify and Finished travel in one record
        Protection clientHandshake = new Protection(trace, hs.clientHandshake);
        RecordProtection.Plaintext flight = clientHandshake.open("client_flight_record", ContentType.handshake);
        List<byte[]> messages = splitMessages(flight.content());
        assertEquals(3, messages.size());
        Certificate certificate = (Certificate) hs.decode(messages.get(0));
        hs.transcript.add(certificate);
        CertificateVerify verify = (CertificateVerify) hs.decode(messages.get(1));
        assertHex(trace, "client_certificate_verify_signature", verify.signature());
        assertTrue(CRYPTO.verify(verify.signatureScheme().getAsInt(), publicKey(certificate),
                signedContent("TLS 1.3, client CertificateVerify", hs.transcript.currentHash()), verify.signature()));
        hs.transcript.add(verify);
        Finished finished = (Finished) hs.decode(messages.get(2));
        assertArrayEquals(hs.clientHandshake.finishedVerifyData(hs.transcript.currentHash()), finished.verifyData());
        hs.transcript.add(finished);
        assertHex(trace, "res_master", hs.master.resumptionMasterSecret(hs.transcript.currentHash()).secret());

        assertArrayEquals(CLOSE_NOTIFY,
                hs.serverApplication().open("server_close_notify_record", ContentType.alert).content());
        assertArrayEquals(CLOSE_NOTIFY,
                hs.clientApplication().open("client_close_notify_record", ContentType.alert).content());
        hs.assertReported(true);
        assertEquals(Set.of(), trace.unused());
    }

    @Test
    void compatibilityMode() throws Exception {
        Rfc8448Trace trace = Rfc8448Trace.section(7);
        Handshake hs = new Handshake(trace, NamedGroup.x25519, "x25519");
        hs.clientHelloAndServerHello();
        ClientHello clientHello = (ClientHello) new HandshakeDecoder().decode(trace.fragment("client_hello_record"));
        assertHex(trace, "client_legacy_session_id", clientHello.sessionId());
        // the ChangeCipherSpec records are outside the transcript and unprotected
        TlsRecord changeCipherSpec = TlsRecord.decode(trace.bytes("change_cipher_spec_record"));
        assertEquals(ContentType.change_cipher_spec, changeCipherSpec.contentType());
        assertArrayEquals(new byte[] {1}, changeCipherSpec.fragment());

        hs.handshakeSecrets(hs.schedule.withoutPsk());
        hs.serverFlight(SignatureScheme.rsa_pss_rsae_sha256, "encrypted_extensions", "certificate",
                "certificate_verify", "server_finished");
        hs.applicationSecrets(true);
        hs.clientFinished("client_finished_record");
        assertArrayEquals(CLOSE_NOTIFY,
                hs.serverApplication().open("server_close_notify_record", ContentType.alert).content());
        assertArrayEquals(CLOSE_NOTIFY,
                hs.clientApplication().open("client_close_notify_record", ContentType.alert).content());
        hs.assertReported(false);
        assertEquals(Set.of(), trace.unused());
    }

    /** One trace replayed from both sides, step by step. */
    private static final class Handshake {
        final Rfc8448Trace trace;
        final TlsCrypto.KeyShare clientShare;
        final TlsCrypto.KeyShare serverShare;
        final SecretRecorder recorder = new SecretRecorder();
        final KeySchedule schedule;
        final Transcript transcript = new Transcript();
        final HandshakeDecoder decoder = new HandshakeDecoder();
        TrafficSecret clientHandshake;
        TrafficSecret serverHandshake;
        MasterSecret master;
        TrafficSecret clientApplication;
        TrafficSecret serverApplication;
        Finished clientFinished;

        Handshake(Rfc8448Trace trace, int group, String keyName) {
            this.trace = trace;
            this.clientShare = keyShare(trace.bytes("client_" + keyName + "_private"), group);
            this.serverShare = keyShare(trace.bytes("server_" + keyName + "_private"), group);
            this.schedule = new KeySchedule(CRYPTO, SUITE, trace.bytes("client_random"), recorder, recorder);
            optional("client_" + keyName + "_public", clientShare.publicKey());
            optional("server_" + keyName + "_public", serverShare.publicKey());
        }

        /** Decodes with the connection's decoder and checks that encoding gives the same bytes. */
        HandshakeMessage decode(byte[] message) throws Exception {
            HandshakeMessage decoded = decoder.decode(message);
            assertHex(Hex.toHexString(message), decoded.encode(), decoded.name() + " re-encoded");
            return decoded;
        }

        void clientHello() throws Exception {
            ClientHello hello = (ClientHello) decode(trace.fragment("client_hello_record"));
            assertArrayEquals(trace.bytes("client_random"), hello.random());
            assertArrayEquals(clientShare.publicKey(), keyShare(hello.extension(KeyShareExtension.class).orElseThrow()));
            transcript.add(hello);
        }

        void serverHello() throws Exception {
            ServerHello hello = (ServerHello) decode(trace.fragment("server_hello_record"));
            assertEquals(SUITE.code(), hello.cipherSuite());
            assertArrayEquals(trace.bytes("server_random"), hello.random());
            assertArrayEquals(serverShare.publicKey(), keyShare(hello.extension(KeyShareExtension.class).orElseThrow()));
            transcript.useHash(SUITE.hash(CRYPTO));
            transcript.add(hello);
        }

        void clientHelloAndServerHello() throws Exception {
            clientHello();
            serverHello();
        }

        /** (EC)DHE from both sides, the handshake secret and the handshake traffic secrets and keys. */
        void handshakeSecrets(EarlySecret early) throws Exception {
            byte[] shared = clientShare.sharedSecret(serverShare.publicKey());
            assertArrayEquals(shared, serverShare.sharedSecret(clientShare.publicKey()));
            assertHex(trace, "early_secret", early.secret());
            optional("ecdhe_shared", shared);
            HandshakeSecret handshake = early.handshake(shared);
            optional("handshake_secret", handshake.secret());
            clientHandshake = handshake.clientHandshakeTrafficSecret(transcript.currentHash());
            serverHandshake = handshake.serverHandshakeTrafficSecret(transcript.currentHash());
            optional("c_hs_traffic", clientHandshake.secret());
            optional("s_hs_traffic", serverHandshake.secret());
            optional("s_hs_key", serverHandshake.keys().key());
            optional("s_hs_iv", serverHandshake.keys().iv());
            optional("c_hs_key", clientHandshake.keys().key());
            optional("c_hs_iv", clientHandshake.keys().iv());
            master = handshake.master();
            optional("master_secret", master.secret());
        }

        /**
         * The server's encrypted flight in one record: opened, compared with the messages of the
         * trace, sealed again; the CertificateVerify checked ({@code scheme} -1 when there is none)
         * and the Finished recomputed.
         */
        void serverFlight(int scheme, String... messageNames) throws Exception {
            Protection protection = new Protection(trace, serverHandshake);
            RecordProtection.Plaintext flight = protection.open("server_flight_record", ContentType.handshake);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (String name : messageNames) {
                expected.write(trace.bytes(name));
            }
            assertHex(Hex.toHexString(expected.toByteArray()), flight.content(), "server flight");
            Certificate certificate = null;
            for (byte[] message : splitMessages(flight.content())) {
                HandshakeMessage decoded = decode(message);
                if (decoded instanceof CertificateVerify) {
                    CertificateVerify verify = (CertificateVerify) decoded;
                    assertEquals(scheme, verify.signatureScheme().getAsInt());
                    assertTrue(CRYPTO.verify(scheme, publicKey(certificate),
                            signedContent("TLS 1.3, server CertificateVerify", transcript.currentHash()),
                            verify.signature()));
                } else if (decoded instanceof Finished) {
                    assertArrayEquals(serverHandshake.finishedVerifyData(transcript.currentHash()),
                            ((Finished) decoded).verifyData());
                    assertTrue(serverHandshake.finishedMatches(transcript.currentHash(), ((Finished) decoded).verifyData()));
                } else if (decoded instanceof Certificate) {
                    certificate = (Certificate) decoded;
                }
                transcript.add(decoded);
            }
        }

        void applicationSecrets(boolean keysKnown) {
            byte[] hash = transcript.currentHash();
            clientApplication = master.clientApplicationTrafficSecret(hash);
            serverApplication = master.serverApplicationTrafficSecret(hash);
            optional("c_ap_traffic", clientApplication.secret());
            optional("s_ap_traffic", serverApplication.secret());
            optional("exp_master", master.exporterMasterSecret(hash).secret());
            if (keysKnown) {
                optional("c_ap_key", clientApplication.keys().key());
                optional("c_ap_iv", clientApplication.keys().iv());
                optional("s_ap_key", serverApplication.keys().key());
                optional("s_ap_iv", serverApplication.keys().iv());
            }
        }

        /** The client's Finished, computed, then sealed and compared with the trace's record. */
        void clientFinished(String recordName) throws Exception {
            clientFinished = new Finished(clientHandshake.finishedVerifyData(transcript.currentHash()));
            Protection protection = new Protection(trace, clientHandshake);
            RecordProtection.Plaintext opened = protection.open(recordName, ContentType.handshake);
            assertArrayEquals(clientFinished.encode(), opened.content());
            decode(opened.content());
            transcript.add(clientFinished);
        }

        Protection serverApplication() {
            return new Protection(trace, serverApplication);
        }

        Protection clientApplication() {
            return new Protection(trace, clientApplication);
        }

        private void optional(String name, byte[] actual) {
            if (trace.has(name)) {
                assertHex(trace, name, actual);
            }
        }

        /** What the key log and the observer were told: each secret once, in the order derived. */
        void assertReported(boolean resumptionDerived) {
            List<String> labels = List.of(KeyLog.CLIENT_HANDSHAKE_TRAFFIC_SECRET, KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET,
                    KeyLog.CLIENT_TRAFFIC_SECRET_0, KeyLog.SERVER_TRAFFIC_SECRET_0, KeyLog.EXPORTER_SECRET);
            assertEquals(labels, List.copyOf(recorder.keyLog.keySet()));
            assertTrue(recorder.everyLineFor(trace.bytes("client_random")));
            List<String> observed = new ArrayList<>(labels);
            if (resumptionDerived) {
                observed.add("res master");
            }
            assertEquals(observed, recorder.observed);
            assertArrayEquals(clientHandshake.secret(), recorder.keyLog.get(KeyLog.CLIENT_HANDSHAKE_TRAFFIC_SECRET));
            assertArrayEquals(serverHandshake.secret(), recorder.keyLog.get(KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET));
            assertArrayEquals(clientApplication.secret(), recorder.keyLog.get(KeyLog.CLIENT_TRAFFIC_SECRET_0));
            assertArrayEquals(serverApplication.secret(), recorder.keyLog.get(KeyLog.SERVER_TRAFFIC_SECRET_0));
        }
    }

    /**
     * One direction's records, in order: each record of the trace is opened with the keys under
     * test, and the content is sealed again by a second protection in step with the first, which
     * must give the trace's record byte for byte.
     */
    private static final class Protection {
        private final Rfc8448Trace trace;
        private final RecordProtection opener;
        private final RecordProtection sealer;

        Protection(Rfc8448Trace trace, TrafficSecret secret) {
            this.trace = trace;
            this.opener = RecordProtection.of(secret);
            this.sealer = RecordProtection.of(secret);
        }

        RecordProtection.Plaintext open(String recordName, int contentType) throws Exception {
            byte[] record = trace.bytes(recordName);
            RecordProtection.Plaintext plaintext = opener.open(TlsRecord.decode(record));
            assertEquals(contentType, plaintext.contentType(), recordName);
            assertHex(Hex.toHexString(record), sealer.seal(plaintext.contentType(), plaintext.content(), 0),
                    recordName + " sealed again");
            return plaintext;
        }
    }

    private static TlsCrypto.KeyShare keyShare(byte[] privateKey, int group) {
        FixedRandom random = new FixedRandom(privateKey);
        TlsCrypto.KeyShare share = new BcTlsCrypto(random).generateKeyShare(group);
        assertTrue(random.exhausted(), "the private key was used as generated");
        return share;
    }

    private static byte[] keyShare(KeyShareExtension extension) {
        assertEquals(1, extension.entries().size());
        return extension.entries().get(0).keyExchange();
    }

    /** RFC 8446 §4.4.3: 64 spaces, the context string, a zero byte, the transcript hash. */
    private static byte[] signedContent(String context, byte[] transcriptHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 64; i++) {
            out.write(0x20);
        }
        out.writeBytes(context.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.writeBytes(transcriptHash);
        return out.toByteArray();
    }

    private static PublicKey publicKey(Certificate certificate) throws Exception {
        byte[] der = certificate.entries().get(0).data();
        return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
    }

    /** Handshake messages laid end to end: type, 3-byte length, body. */
    private static List<byte[]> splitMessages(byte[] content) {
        List<byte[]> messages = new ArrayList<>();
        for (int at = 0; at < content.length; ) {
            int length = ((content[at + 1] & 0xff) << 16) | ((content[at + 2] & 0xff) << 8) | (content[at + 3] & 0xff);
            messages.add(Arrays.copyOfRange(content, at, at + 4 + length));
            at += 4 + length;
        }
        return messages;
    }

    private static void assertHex(Rfc8448Trace trace, String name, byte[] actual) {
        assertHex(Hex.toHexString(trace.bytes(name)), actual, trace + " " + name);
    }

    private static void assertHex(String expected, byte[] actual, String what) {
        assertEquals(expected, Hex.toHexString(actual), what);
    }
}
