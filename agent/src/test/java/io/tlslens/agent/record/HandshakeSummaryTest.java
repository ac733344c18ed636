package io.tlslens.agent.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.examples.pki.Pki;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.SignatureScheme;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HandshakeSummaryTest {

    private static final Pki PKI = Flights.pki();

    /** TLS 1.2 ECDHE_ECDSA full handshake, server flight up to ServerHelloDone. */
    private static Conversation tls12ServerFlight(Role role, String alpn) {
        Conversation c = new Conversation(role);
        c.fromClient(Flights.clientHello12("localhost", "h2", "http/1.1"));
        c.fromServer(Flights.serverHello12(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, alpn));
        c.fromServer(Flights.certificate12(PKI.server().chain()));
        c.fromServer(Flights.serverKeyExchange(NamedGroup.secp256r1, SignatureScheme.ecdsa_secp256r1_sha256));
        c.fromServer(Flights.serverHelloDone());
        return c;
    }

    @Test
    void tls13VersionCipherGroupAlpnAndSignatureScheme() {
        Conversation c = new Conversation(Role.CLIENT).tls13Full();
        HandshakeSummary summary = HandshakeSummary.of(c.completed());

        assertEquals(OptionalInt.of(ProtocolVersion.TLSv1_3), summary.version());
        assertTrue(summary.isTls13());
        assertEquals(OptionalInt.of(CipherSuite.TLS_AES_128_GCM_SHA256), summary.cipherSuite());
        assertEquals(OptionalInt.of(NamedGroup.x25519), summary.group(), "from the ServerHello's key_share");
        assertEquals(Optional.of("h2"), summary.applicationProtocol(), "from EncryptedExtensions");
        assertEquals(Optional.of("localhost"), summary.serverName());
        assertEquals(OptionalInt.of(SignatureScheme.ecdsa_secp256r1_sha256), summary.signatureScheme());
        assertFalse(summary.helloRetry());
        assertFalse(summary.resumed());
        assertTrue(summary.clientHello().isPresent());
        assertEquals(List.of("h2", "http/1.1"), summary.clientHello().get().alpnProtocols());
        assertEquals(PKI.server().chain(), summary.serverChain(), "parsed from the Certificate message");
        assertTrue(summary.clientChain().isEmpty());
    }

    @Test
    void tls12GroupAndSignatureSchemeComeFromServerKeyExchange() {
        Conversation c = tls12ServerFlight(Role.CLIENT, "http/1.1");
        c.fromClient(Flights.clientKeyExchange()).ccsFromClient().fromClient(Flights.finished());
        c.ccsFromServer().fromServer(Flights.finished());
        HandshakeRecord record = c.completed();
        HandshakeSummary summary = HandshakeSummary.of(record);

        assertEquals(OptionalInt.of(ProtocolVersion.TLSv1_2), summary.version());
        assertFalse(summary.isTls13());
        assertEquals(OptionalInt.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256), summary.cipherSuite());
        assertEquals(OptionalInt.of(NamedGroup.secp256r1), summary.group());
        assertEquals(OptionalInt.of(SignatureScheme.ecdsa_secp256r1_sha256), summary.signatureScheme());
        assertEquals(Optional.of("http/1.1"), summary.applicationProtocol(), "TLS 1.2 carries ALPN in ServerHello");
        assertFalse(summary.resumed(), "a full handshake has a ServerHelloDone");
        assertEquals(PKI.server().chain(), summary.serverChain());
        assertTrue(record.messages().stream().allMatch(m -> m.decodeError() == null),
                "every TLS 1.2 message decodes: " + record.messages());
    }

    @Test
    void helloRetryRequestSetsHelloRetryAndTheSecondClientHelloCounts() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13("localhost", List.of(NamedGroup.secp384r1)).encode());
        c.fromServer(Flights.helloRetryRequest(CipherSuite.TLS_AES_256_GCM_SHA384, NamedGroup.secp256r1));
        c.ccsFromServer();
        c.fromClient(Flights.clientHello13("localhost", List.of(NamedGroup.secp256r1)).encode());
        c.fromServer(Flights.serverHello13(CipherSuite.TLS_AES_256_GCM_SHA384, NamedGroup.secp256r1, false));
        c.fromServer(Flights.encryptedExtensions(null));
        HandshakeSummary summary = HandshakeSummary.of(c.failed(new Failure(Failure.Origin.ABORTED, -1, "x", null)));

        assertTrue(summary.helloRetry());
        assertEquals(List.of(NamedGroup.secp256r1), summary.clientHello().get().keyShareGroups(),
                "the ClientHello after the HelloRetryRequest");
        assertTrue(summary.serverHello().isPresent());
        assertFalse(summary.serverHello().get().isHelloRetryRequest(), "the HelloRetryRequest is no ServerHello");
        assertEquals(OptionalInt.of(NamedGroup.secp256r1), summary.group());
        assertEquals(OptionalInt.of(CipherSuite.TLS_AES_256_GCM_SHA384), summary.cipherSuite());
        assertEquals(Optional.empty(), summary.applicationProtocol());
    }

    @Test
    void helloRetryAloneLeavesNothingNegotiated() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        c.fromServer(Flights.helloRetryRequest(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.secp256r1));
        HandshakeSummary summary = HandshakeSummary.of(c.failed(new Failure(Failure.Origin.ABORTED, -1, "x", null)));
        assertTrue(summary.helloRetry());
        assertTrue(summary.version().isEmpty());
        assertTrue(summary.cipherSuite().isEmpty());
        assertTrue(summary.group().isEmpty());
    }

    @Test
    void tls13ResumptionIsAnAcceptedPreSharedKeyAndTheChainComesFromTheSession() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        c.fromServer(Flights.serverHello13(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.x25519, true));
        c.fromServer(Flights.encryptedExtensions("h2"));
        c.fromServer(Flights.finished());
        c.fromClient(Flights.finished());
        List<X509Certificate> sessionChain = PKI.server().chain();
        HandshakeSummary summary = HandshakeSummary.of(
                c.completed(Peer.UNKNOWN, sessionChain, PKI.client().chain()));

        assertTrue(summary.resumed());
        assertEquals(sessionChain, summary.serverChain(), "a client's peer certificates are the server's chain");
        assertEquals(PKI.client().chain(), summary.clientChain(), "a client's local certificates");
        assertTrue(summary.signatureScheme().isEmpty(), "no CertificateVerify in a resumption");
    }

    @Test
    void tls12ResumptionHasNoServerHelloDone() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello12("localhost"));
        c.fromServer(Flights.serverHello12(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, null));
        c.ccsFromServer().fromServer(Flights.finished());
        c.ccsFromClient().fromClient(Flights.finished());
        HandshakeSummary summary = HandshakeSummary.of(
                c.completed(Peer.UNKNOWN, List.of(), PKI.server().chain()));
        assertTrue(summary.resumed());
        assertEquals(PKI.server().chain(), summary.serverChain(), "a server's local certificates");
        assertTrue(summary.clientChain().isEmpty(), "a server's (empty) peer certificates");
    }

    @Test
    void aFailedTls12HandshakeWithoutServerHelloDoneWasNotResumed() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello12("localhost"));
        c.fromServer(Flights.serverHello12(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, null));
        HandshakeSummary summary = HandshakeSummary.of(c.failed(new Failure(Failure.Origin.ABORTED, -1, "x", null)));
        assertFalse(summary.resumed());
    }

    @Test
    void mutualTlsAsServerReadsBothChainsFromCertificateMessages() {
        Conversation c = new Conversation(Role.SERVER)
                .tls13ServerFlight("localhost", PKI.server().chain(), null);
        c.fromClient(Flights.certificate13(PKI.client().chain()));
        c.fromClient(Flights.certificateVerify(SignatureScheme.rsa_pss_rsae_sha256));
        c.fromClient(Flights.finished());
        // the session's certificates say otherwise: the messages win
        HandshakeRecord record = c.completed(Peer.UNKNOWN, PKI.unknownCaClient().chain(), PKI.selfSignedServer().chain());
        HandshakeSummary summary = HandshakeSummary.of(record);

        assertEquals(PKI.server().chain(), summary.serverChain());
        assertEquals(PKI.client().chain(), summary.clientChain());
        assertEquals(OptionalInt.of(SignatureScheme.ecdsa_secp256r1_sha256), summary.signatureScheme(),
                "the server's CertificateVerify, not the client's");
        assertTrue(summary.isFromServer(record.messages().get(1)), "ServerHello, sent by this server");
        assertFalse(summary.isFromServer(record.messages().get(0)), "ClientHello, received");
    }

    @Test
    void mutualTlsAsClientReadsBothChainsFromCertificateMessages() {
        Conversation c = new Conversation(Role.CLIENT)
                .tls13ServerFlight("localhost", PKI.server().chain(), "h2");
        c.fromClient(Flights.certificate13(PKI.client().chain()));
        c.fromClient(Flights.certificateVerify(SignatureScheme.rsa_pss_rsae_sha256));
        c.fromClient(Flights.finished());
        HandshakeRecord record = c.completed();
        HandshakeSummary summary = HandshakeSummary.of(record);

        assertEquals(PKI.server().chain(), summary.serverChain());
        assertEquals(PKI.client().chain(), summary.clientChain());
        assertEquals(OptionalInt.of(SignatureScheme.ecdsa_secp256r1_sha256), summary.signatureScheme());
        assertTrue(summary.isFromServer(record.messages().get(1)), "ServerHello, received by this client");
        assertFalse(summary.isFromServer(record.messages().get(0)));
    }

    @Test
    void withoutCertificateMessagesAServerTakesBothChainsFromTheSession() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13("localhost"));
        c.fromServer(Flights.serverHello13(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.x25519, true));
        HandshakeSummary summary = HandshakeSummary.of(
                c.completed(Peer.UNKNOWN, PKI.client().chain(), PKI.server().chain()));
        assertEquals(PKI.server().chain(), summary.serverChain());
        assertEquals(PKI.client().chain(), summary.clientChain());
    }

    @Test
    void aCertificateTheJdkCannotParseEndsTheChainThere() {
        List<byte[]> der = new ArrayList<>(Flights.der(PKI.server().chain()));
        der.add(1, new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello12("localhost"));
        c.fromServer(Flights.serverHello12(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, null));
        c.fromServer(Certificate.tls12(der).encode());
        HandshakeSummary summary = HandshakeSummary.of(c.failed(new Failure(Failure.Origin.ABORTED, -1, "x", null)));
        assertEquals(List.of(PKI.server().certificate()), summary.serverChain());
    }

    @Test
    void nothingSeenMeansNothingKnown() {
        HandshakeRecorder recorder = new HandshakeRecorder("jsse");
        HandshakeRecord record = recorder.failed(1, new Failure(Failure.Origin.LOCAL_ERROR, 80, "x", null),
                Peer.UNKNOWN, Role.CLIENT, List.of());
        HandshakeSummary summary = HandshakeSummary.of(record);
        assertTrue(summary.version().isEmpty());
        assertTrue(summary.cipherSuite().isEmpty());
        assertTrue(summary.group().isEmpty());
        assertTrue(summary.signatureScheme().isEmpty());
        assertTrue(summary.applicationProtocol().isEmpty());
        assertTrue(summary.serverName().isEmpty());
        assertTrue(summary.clientHello().isEmpty());
        assertFalse(summary.resumed());
        assertFalse(summary.helloRetry());
        assertTrue(summary.serverChain().isEmpty());
    }
}
