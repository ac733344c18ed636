package io.tlslens.agent.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.agent.record.Conversation;
import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.Flights;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.HandshakeSummary;
import io.tlslens.agent.record.Peer;
import io.tlslens.agent.record.Role;
import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.Pki;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateStatus;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.Extension;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.SignatureScheme;
import io.tlslens.wire.StatusRequestExtension;
import java.security.cert.CRLReason;
import java.security.cert.CertificateRevokedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per rule of {@link Diagnoser}, each with the exception chain as SunJSSE builds it and a record
 * of real messages.
 */
class DiagnoserTest {

    private static final Pki PKI = Flights.pki();

    /** Stand-in for {@code sun.security.validator.ValidatorException}, which is a CertificateException. */
    static final class ValidatorException extends CertificateException {
        ValidatorException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Stand-in for {@code sun.security.provider.certpath.SunCertPathBuilderException}; the rule reads the name. */
    static final class SunCertPathBuilderException extends CertPathBuilderException {
        SunCertPathBuilderException(String message) {
            super(message);
        }
    }

    /** What SunJSSE throws: an SSLHandshakeException with the message, caused by {@code cause}. */
    private static SSLHandshakeException ssl(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private static Diagnosis diagnose(HandshakeRecord record) {
        assertNotNull(record, "a record");
        return Diagnoser.diagnose(HandshakeSummary.of(record));
    }

    /** The client saw the server's TLS 1.3 flight with {@code chain} and sent a fatal alert. */
    private static Conversation clientRejecting(List<X509Certificate> chain, int alert) {
        Conversation c = new Conversation(Role.CLIENT).tls13ServerFlight("localhost", chain, "h2");
        c.alertFromClient(alert);
        return c;
    }

    private static Failure pkixValidation(int alert, CertPathValidatorException reason) {
        String message = "PKIX path validation failed: " + reason;
        return new Failure(Failure.Origin.LOCAL_ERROR, alert, message,
                ssl(message, new ValidatorException(message, reason)));
    }

    private static Failure pkixBuilding(int alert) {
        SunCertPathBuilderException builder =
                new SunCertPathBuilderException("unable to find valid certification path to requested target");
        String message = "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: "
                + "unable to find valid certification path to requested target";
        return new Failure(Failure.Origin.LOCAL_ERROR, alert, message,
                ssl(message, new ValidatorException(message, builder)));
    }

    private static Failure peerAlert(int alert) {
        String message = "Received fatal alert: " + AlertDescription.name(alert);
        return new Failure(Failure.Origin.PEER_ALERT, alert, message, ssl(message, null));
    }

    private static Failure local(int alert, String message) {
        return new Failure(Failure.Origin.LOCAL_ERROR, alert, message, ssl(message, null));
    }

    private static void assertMentions(Diagnosis diagnosis, String... evidence) {
        for (String part : evidence) {
            assertTrue(diagnosis.detail().contains(part), "detail mentions " + part + ": " + diagnosis.detail());
        }
        assertNotNull(diagnosis.hint());
        assertFalse(diagnosis.hint().isEmpty());
    }

    // ----- handshake_timeout -----

    @Test
    void abandonedHandshakeIsATimeoutWithTheRecordersReason() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        String why = "no handshake progress for 60 s: the application abandoned the handshake";
        HandshakeRecord record = c.recorder.failed(c.now(), new Failure(Failure.Origin.ABANDONED, -1, why, null),
                Peer.UNKNOWN, null, List.of());
        Diagnosis diagnosis = diagnose(record);
        assertEquals(ErrorType.HANDSHAKE_TIMEOUT, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertNull(diagnosis.alert());
        assertEquals(why, diagnosis.detail());
    }

    @Test
    void socketReadTimeoutIsAHandshakeTimeoutAfterTheLastMessage() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        Diagnosis diagnosis = diagnose(c.failed(new Failure(Failure.Origin.ABORTED, -1, "Read timed out",
                new SocketTimeoutException("Read timed out"))));
        assertEquals(ErrorType.HANDSHAKE_TIMEOUT, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertNull(diagnosis.alert());
        assertMentions(diagnosis, "Read timed out", "after this side sent ClientHello");
    }

    @Test
    void socketTimeoutBeforeAnyMessage() {
        Conversation c = new Conversation(Role.SERVER);
        Diagnosis diagnosis = diagnose(c.failed(new Failure(Failure.Origin.ABORTED, -1, null,
                ssl("handshake", new SocketTimeoutException("Read timed out")))));
        assertEquals(ErrorType.HANDSHAKE_TIMEOUT, diagnosis.errorType());
        assertMentions(diagnosis, "before any handshake message");
    }

    // ----- certificate validity -----

    @Test
    void expiredServerCertificateNamesTheLeafAndItsDate() {
        Credential expired = PKI.expiredServer();
        CertificateExpiredException cause = new CertificateExpiredException("NotAfter: " + expired.certificate().getNotAfter());
        Failure failure = pkixValidation(AlertDescription.certificate_expired,
                new CertPathValidatorException("validity check failed", cause, null, -1,
                        CertPathValidatorException.BasicReason.EXPIRED));
        Diagnosis diagnosis = diagnose(clientRejecting(expired.chain(), AlertDescription.certificate_expired).failed(failure));

        assertEquals(ErrorType.CERTIFICATE_EXPIRED, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertEquals("certificate_expired", diagnosis.alert(), "the alert this client sent");
        assertMentions(diagnosis, "server's", "leaf",
                expired.certificate().getSubjectX500Principal().getName(),
                expired.certificate().getNotAfter().toInstant().toString());
    }

    @Test
    void notYetValidServerCertificateNamesItsStartDate() {
        Credential early = PKI.notYetValidServer();
        CertificateNotYetValidException cause =
                new CertificateNotYetValidException("NotBefore: " + early.certificate().getNotBefore());
        Failure failure = pkixValidation(AlertDescription.bad_certificate,
                new CertPathValidatorException("validity check failed", cause, null, -1,
                        CertPathValidatorException.BasicReason.NOT_YET_VALID));
        Diagnosis diagnosis = diagnose(clientRejecting(early.chain(), AlertDescription.bad_certificate).failed(failure));

        assertEquals(ErrorType.CERTIFICATE_NOT_YET_VALID, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertEquals("bad_certificate", diagnosis.alert());
        assertMentions(diagnosis, early.certificate().getNotBefore().toInstant().toString());
    }

    @Test
    void expiredClientCertificateAsSeenByTheServer() {
        // A client chain whose leaf expired: the expired server leaf stands in, its validity is what counts.
        Conversation c = new Conversation(Role.SERVER).tls13ServerFlight("localhost", PKI.server().chain(), null);
        c.fromClient(Flights.certificate13(PKI.expiredServer().chain()));
        c.alertFromServer(AlertDescription.certificate_expired);
        Failure failure = pkixValidation(AlertDescription.certificate_expired,
                new CertPathValidatorException("validity check failed", new CertificateExpiredException("NotAfter"),
                        null, -1, CertPathValidatorException.BasicReason.EXPIRED));
        Diagnosis diagnosis = diagnose(c.failed(failure));
        assertEquals(ErrorType.CERTIFICATE_EXPIRED, diagnosis.errorType());
        assertEquals("certificate_expired", diagnosis.alert());
        assertMentions(diagnosis, "client's", PKI.expiredServer().certificate().getNotAfter().toInstant().toString());
    }

    // ----- hostname_mismatch -----

    @Test
    void hostnameMismatchNamesTheSanListAndTheNameAskedFor() {
        String message = "No subject alternative DNS name matching localhost found.";
        Failure failure = new Failure(Failure.Origin.LOCAL_ERROR, AlertDescription.certificate_unknown, message,
                ssl(message, new CertificateException(message)));
        Diagnosis diagnosis = diagnose(clientRejecting(PKI.wrongHostServer().chain(), AlertDescription.certificate_unknown)
                .failed(failure));

        assertEquals(ErrorType.HOSTNAME_MISMATCH, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertEquals("certificate_unknown", diagnosis.alert());
        assertMentions(diagnosis, "asked for localhost", "[" + Pki.WRONG_HOST + "]");
    }

    @Test
    void hostnameMismatchWithoutSniUsesThePeerHost() {
        Conversation c = new Conversation(Role.CLIENT).tls13ServerFlight(null, PKI.wrongHostServer().chain(), null);
        String message = "No subject alternative names matching IP address 127.0.0.1 found";
        Diagnosis diagnosis = diagnose(c.failed(new Failure(Failure.Origin.LOCAL_ERROR, 46, message,
                ssl(message, new CertificateException(message))), new Peer("127.0.0.1", "127.0.0.1", 8443, 1)));
        assertEquals(ErrorType.HOSTNAME_MISMATCH, diagnosis.errorType());
        assertNull(diagnosis.alert(), "JSSE names certificate_unknown, but none was recorded on the wire");
        assertMentions(diagnosis, "asked for 127.0.0.1", Pki.WRONG_HOST);
    }

    // ----- untrusted_certificate / bad_client_certificate (PKIX) -----

    @Test
    void unknownCaNamesTheIssuerNobodySentOrTrusts() {
        Diagnosis diagnosis = diagnose(clientRejecting(PKI.unknownCaServer().chain(), AlertDescription.certificate_unknown)
                .failed(pkixBuilding(AlertDescription.certificate_unknown)));
        assertEquals(ErrorType.UNTRUSTED_CERTIFICATE, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertEquals("certificate_unknown", diagnosis.alert());
        assertMentions(diagnosis, "Unknown Example Root CA", "neither sent nor trusted", "PKIX path building failed");
    }

    @Test
    void selfSignedServerCertificateIsSaidToBeSelfSigned() {
        Diagnosis diagnosis = diagnose(clientRejecting(PKI.selfSignedServer().chain(), AlertDescription.certificate_unknown)
                .failed(pkixBuilding(AlertDescription.certificate_unknown)));
        assertEquals(ErrorType.UNTRUSTED_CERTIFICATE, diagnosis.errorType());
        assertMentions(diagnosis, "self-signed", PKI.selfSignedServer().certificate().getSubjectX500Principal().getName());
    }

    @Test
    void aCertPathValidatorExceptionAloneMeansUntrusted() {
        CertPathValidatorException signature = new CertPathValidatorException("signature check failed", null, null, -1,
                CertPathValidatorException.BasicReason.INVALID_SIGNATURE);
        Failure failure = new Failure(Failure.Origin.LOCAL_ERROR, 42, "Certificate signature check failed",
                ssl("Certificate signature check failed", new ValidatorException("check failed", signature)));
        Diagnosis diagnosis = diagnose(clientRejecting(PKI.serverWithoutIntermediate().chain(),
                AlertDescription.bad_certificate).failed(failure));
        assertEquals(ErrorType.UNTRUSTED_CERTIFICATE, diagnosis.errorType());
        assertEquals("bad_certificate", diagnosis.alert());
        assertMentions(diagnosis, "TLSLens Example Intermediate CA");
    }

    @Test
    void serverRejectingAClientChainIsABadClientCertificate() {
        Conversation c = new Conversation(Role.SERVER).tls13ServerFlight("localhost", PKI.server().chain(), null);
        c.fromClient(Flights.certificate13(PKI.unknownCaClient().chain()));
        c.alertFromServer(AlertDescription.certificate_unknown);
        Diagnosis diagnosis = diagnose(c.failed(pkixBuilding(AlertDescription.certificate_unknown)));
        assertEquals(ErrorType.BAD_CLIENT_CERTIFICATE, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertEquals("certificate_unknown", diagnosis.alert());
        assertMentions(diagnosis, "client's", "Unknown Example Root CA");
    }

    @Test
    void revokedCertificateFoundLocallyNamesTheCertificateWhenWhyAndWhoSaidSo() {
        X509Certificate leaf = PKI.server().certificate();
        CertificateRevokedException revocation = new CertificateRevokedException(
                Date.from(Instant.parse("2026-11-28T07:56:39Z")), CRLReason.KEY_COMPROMISE,
                PKI.intermediate().certificate().getSubjectX500Principal(), Map.of());
        CertPathValidatorException revoked = new CertPathValidatorException(revocation.getMessage(), revocation,
                null, -1, CertPathValidatorException.BasicReason.REVOKED);
        Diagnosis diagnosis = diagnose(clientRejecting(PKI.server().chain(), AlertDescription.certificate_revoked)
                .failed(pkixValidation(AlertDescription.certificate_revoked, revoked)));
        assertEquals(ErrorType.CERTIFICATE_REVOKED, diagnosis.errorType(),
                "JSSE sends certificate_revoked for a CertPathValidatorException with reason REVOKED");
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertEquals("certificate_revoked", diagnosis.alert());
        assertMentions(diagnosis, "The server's certificate " + leaf.getSubjectX500Principal().getName(),
                "serial " + leaf.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT),
                "was revoked on 2026-11-28T07:56:39Z", "reason KEY_COMPROMISE",
                "said by " + PKI.intermediate().certificate().getSubjectX500Principal().getName());
    }

    @Test
    void theServerReadingARevocationAlertKnowsItsOwnCertificateWasMeant() {
        Conversation c = new Conversation(Role.SERVER).tls13ServerFlight("localhost", PKI.server().chain(), null);
        c.alertFromClient(AlertDescription.certificate_revoked);
        Diagnosis diagnosis = diagnose(c.failed(peerAlert(AlertDescription.certificate_revoked)));
        assertEquals(ErrorType.CERTIFICATE_REVOKED, diagnosis.errorType());
        assertEquals(Diagnosis.Side.PEER, diagnosis.side());
        assertMentions(diagnosis, "The client reported the server's certificate revoked");
    }

    /** A TLS 1.3 client that asked for a stapled status; the server's Certificate carries {@code stapled}, if any. */
    private static Conversation clientAskingForAStaple(byte[] stapled) {
        ClientHello plain = Flights.clientHello13("localhost", List.of(NamedGroup.x25519));
        List<Extension> extensions = new ArrayList<>(plain.extensions());
        extensions.add(StatusRequestExtension.ocspRequest());
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(new ClientHello(plain.legacyVersion(), plain.random(), plain.sessionId(), plain.cipherSuites(),
                plain.compressionMethods(), extensions).encode());
        c.fromServer(Flights.serverHello13(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.x25519, false));
        c.fromServer(Flights.encryptedExtensions(null));
        List<Certificate.Entry> entries = new ArrayList<>();
        for (byte[] der : Flights.der(PKI.server().chain())) {
            entries.add(new Certificate.Entry(der, stapled == null || !entries.isEmpty() ? List.of()
                    : List.of(StatusRequestExtension.response(CertificateStatus.ocsp(stapled)))));
        }
        c.fromServer(Certificate.tls13(new byte[0], entries).encode());
        c.fromServer(Flights.certificateVerify(SignatureScheme.ecdsa_secp256r1_sha256));
        c.fromServer(Flights.finished());
        c.alertFromClient(AlertDescription.certificate_unknown);
        return c;
    }

    private static Failure revocationStatusUnknown(String reason) {
        return pkixValidation(AlertDescription.certificate_unknown, new CertPathValidatorException(reason, null,
                null, -1, CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS));
    }

    @Test
    void anUnknownRevocationStatusWithoutAStapleIsUntrustedAndSaysTheServerStapledNone() {
        Diagnosis diagnosis = diagnose(clientAskingForAStaple(null)
                .failed(revocationStatusUnknown("OCSP response error: TRY_LATER")));
        assertEquals(ErrorType.UNTRUSTED_CERTIFICATE, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertMentions(diagnosis, "The revocation status of the server's certificate "
                        + PKI.server().certificate().getSubjectX500Principal().getName(),
                "could not be established", "stapled no OCSP response although this client asked for one",
                "OCSP response error: TRY_LATER");
        assertTrue(diagnosis.hint().contains("jdk.tls.server.enableStatusRequestExtension=true"), diagnosis.hint());
        assertTrue(diagnosis.hint().contains("SOFT_FAIL"), diagnosis.hint());
    }

    @Test
    void anUnknownRevocationStatusDespiteAStapleSaysTheStapleDidNotSettleIt() {
        Diagnosis diagnosis = diagnose(clientAskingForAStaple(new byte[] {0x30, 0x03, 0x0a, 0x01, 0x00})
                .failed(revocationStatusUnknown("Certificate's revocation status is unknown")));
        assertEquals(ErrorType.UNTRUSTED_CERTIFICATE, diagnosis.errorType());
        assertMentions(diagnosis, "the server stapled an OCSP response, which did not settle it");
    }

    @Test
    void aClientThatDidNotAskForAStapleIsToldSo() {
        Diagnosis diagnosis = diagnose(clientRejecting(PKI.server().chain(), AlertDescription.certificate_unknown)
                .failed(revocationStatusUnknown("Unable to determine revocation status due to network error")));
        assertEquals(ErrorType.UNTRUSTED_CERTIFICATE, diagnosis.errorType());
        assertMentions(diagnosis, "this client did not ask the server to staple an OCSP response");
    }

    // ----- a TLS 1.3 server's verdict on the client's certificate, after the client's Finished -----

    /** The client's TLS 1.3 handshake with a certificate request completed; then the server's alert came. */
    private static HandshakeRecord verdict(List<X509Certificate> clientChain, int alert) {
        Conversation c = new Conversation(Role.CLIENT).tls13WithClientCertificate(clientChain);
        c.completed(Peer.UNKNOWN, PKI.server().chain(), clientChain);
        c.alertFromServer(alert);
        return c.failed(peerAlert(alert));
    }

    @Test
    void aCertificateRejectedAfterTheClientsFinishedIsABadClientCertificateOnThePeerSide() {
        Diagnosis diagnosis = diagnose(verdict(PKI.unknownCaClient().chain(), AlertDescription.certificate_unknown));
        assertEquals(ErrorType.BAD_CLIENT_CERTIFICATE, diagnosis.errorType());
        assertEquals(Diagnosis.Side.PEER, diagnosis.side());
        assertEquals("certificate_unknown", diagnosis.alert());
        assertMentions(diagnosis, "The server rejected this client's certificate",
                "CN=TLSLens Example Client", "Unknown Example Root CA", "after the handshake had completed",
                "Received fatal alert: certificate_unknown");
    }

    @Test
    void anEmptyCertificateAnsweredAfterTheClientsFinishedIsAMissingClientCertificate() {
        Diagnosis diagnosis = diagnose(verdict(List.of(), AlertDescription.certificate_required));
        assertEquals(ErrorType.CLIENT_CERTIFICATE_REQUIRED, diagnosis.errorType());
        assertEquals(Diagnosis.Side.PEER, diagnosis.side());
        assertMentions(diagnosis, "this client sent none", "after the handshake had completed");
    }

    // ----- not_tls, peer_closed -----

    @ParameterizedTest
    @ValueSource(strings = {"Unsupported or unrecognized SSL message", "Unrecognized SSL message, plaintext connection?",
            "unexpected_message: record of content type 72 is not TLS"}) // SunJSSE's two, the reference stack's
    void bytesThatAreNotTls(String message) {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        Diagnosis diagnosis = diagnose(c.failed(new Failure(Failure.Origin.LOCAL_ERROR,
                AlertDescription.unexpected_message, message, new SSLException(message))));
        assertEquals(ErrorType.NOT_TLS, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertNull(diagnosis.alert(), "JSSE names unexpected_message, but it never crossed the wire");
        assertMentions(diagnosis, message);
    }

    static Stream<Arguments> peerClosures() {
        return Stream.of(
                Arguments.of(new Failure(Failure.Origin.LOCAL_ERROR, AlertDescription.handshake_failure,
                        "Remote host terminated the handshake",
                        ssl("Remote host terminated the handshake", new EOFException("SSL peer shut down incorrectly"))),
                        "Remote host terminated the handshake"),
                Arguments.of(new Failure(Failure.Origin.ABORTED, -1, "Broken pipe", new SocketException("Broken pipe")),
                        "Broken pipe"),
                Arguments.of(new Failure(Failure.Origin.ABORTED, -1, null,
                        new SSLException("Connection reset", new SocketException("Connection reset"))),
                        "Connection reset"));
    }

    @ParameterizedTest
    @MethodSource("peerClosures")
    void peerClosedTheConnectionWithoutAnAlert(Failure failure, String evidence) {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        Diagnosis diagnosis = diagnose(c.failed(failure));
        assertEquals(ErrorType.PEER_CLOSED, diagnosis.errorType());
        assertEquals(Diagnosis.Side.PEER, diagnosis.side());
        assertNull(diagnosis.alert(), "no alert crossed the wire");
        assertMentions(diagnosis, "after this side sent ClientHello", evidence);
    }

    // ----- negotiation failures -----

    @Test
    void noCommonCipherSuiteListsTheClientsOffer() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13("localhost"));
        c.alertFromServer(AlertDescription.handshake_failure);
        Diagnosis diagnosis = diagnose(c.failed(local(AlertDescription.handshake_failure, "no cipher suites in common")));
        assertEquals(ErrorType.NO_COMMON_CIPHER_SUITE, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertEquals("handshake_failure", diagnosis.alert());
        assertMentions(diagnosis, "TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256, "
                + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void aClientHelloRefusedWithoutAReasonShowsWhatTheClientOffered() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        c.alertFromServer(AlertDescription.handshake_failure);
        Diagnosis diagnosis = diagnose(c.failed(peerAlert(AlertDescription.handshake_failure)));
        // Only the server knows which part it refused: the client says so and shows its offer.
        assertEquals(ErrorType.OTHER, diagnosis.errorType());
        assertEquals(Diagnosis.Side.PEER, diagnosis.side());
        assertEquals("handshake_failure", diagnosis.alert());
        assertMentions(diagnosis, "not visible from here", "TLS_AES_128_GCM_SHA256", "x25519", "ecdsa_secp256r1_sha256");
        assertTrue(diagnosis.hint().contains("no common cipher suite, group or signature algorithm"), diagnosis.hint());
    }

    @Test
    void emptyClientCertificateChainMeansACertificateWasRequired() {
        Conversation c = new Conversation(Role.SERVER).tls13ServerFlight("localhost", PKI.server().chain(), null);
        c.fromClient(Certificate.tls13(new byte[0], List.of()).encode());
        c.alertFromServer(AlertDescription.certificate_required);
        Diagnosis diagnosis = diagnose(c.failed(local(AlertDescription.certificate_required,
                "Empty client certificate chain")));
        assertEquals(ErrorType.CLIENT_CERTIFICATE_REQUIRED, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertEquals("certificate_required", diagnosis.alert());
        assertMentions(diagnosis, "Empty client certificate chain");
    }

    @Test
    void emptyServerCertificateChainIsNotAMissingClientCertificate() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello12("localhost"));
        c.fromServer(Flights.serverHello12(0xC02B, null));
        c.fromServer(Certificate.tls12(List.of()).encode());
        c.alertFromClient(AlertDescription.bad_certificate);
        Diagnosis diagnosis = diagnose(c.failed(local(AlertDescription.bad_certificate, "Empty server certificate chain")));
        assertNotEquals(ErrorType.CLIENT_CERTIFICATE_REQUIRED, diagnosis.errorType(),
                "the server sent an empty chain; no client certificate was asked for: " + diagnosis.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"No common named group", "No supported named group"})
    void noCommonGroupListsTheClientsGroups(String message) {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13("localhost"));
        c.alertFromServer(AlertDescription.handshake_failure);
        Diagnosis diagnosis = diagnose(c.failed(local(AlertDescription.handshake_failure, message)));
        assertEquals(ErrorType.NO_COMMON_GROUP, diagnosis.errorType());
        assertEquals("handshake_failure", diagnosis.alert());
        assertMentions(diagnosis, "[x25519, secp256r1, secp384r1]", message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"No supported signature algorithm", "No available authentication scheme"})
    void signatureAlgorithmMismatchListsWhatTheClientAccepts(String message) {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13("localhost"));
        c.alertFromServer(AlertDescription.handshake_failure);
        Diagnosis diagnosis = diagnose(c.failed(local(AlertDescription.handshake_failure, message)));
        assertEquals(ErrorType.SIGNATURE_ALGORITHM_MISMATCH, diagnosis.errorType());
        assertMentions(diagnosis, "[ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, ed25519]");
    }

    @Test
    void protocolVersionMismatchOnTheServerListsTheClientsVersions() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello12("localhost"));
        c.alertFromServer(AlertDescription.protocol_version);
        String message = "The client supported protocol versions [TLSv1.2] are not accepted by server preferences [TLS13]";
        Diagnosis diagnosis = diagnose(c.failed(local(AlertDescription.protocol_version, message)));
        assertEquals(ErrorType.PROTOCOL_VERSION_MISMATCH, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertEquals("protocol_version", diagnosis.alert());
        assertMentions(diagnosis, "the client offered [TLSv1.2]");
    }

    @Test
    void protocolVersionAlertFromTheServer() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        c.alertFromServer(AlertDescription.protocol_version);
        Diagnosis diagnosis = diagnose(c.failed(peerAlert(AlertDescription.protocol_version)));
        assertEquals(ErrorType.PROTOCOL_VERSION_MISMATCH, diagnosis.errorType());
        assertEquals(Diagnosis.Side.PEER, diagnosis.side());
        assertEquals("protocol_version", diagnosis.alert());
        assertMentions(diagnosis, "[TLSv1.3, TLSv1.2]");
    }

    @Test
    void noAppropriateProtocolBeforeAnyMessage() {
        Conversation c = new Conversation(Role.CLIENT);
        String message = "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)";
        Diagnosis diagnosis = diagnose(c.failed(local(AlertDescription.handshake_failure, message)));
        assertEquals(ErrorType.PROTOCOL_VERSION_MISMATCH, diagnosis.errorType());
        assertNull(diagnosis.alert());
        assertMentions(diagnosis, message);
    }

    // ----- by the alert alone -----

    static Stream<Arguments> peerAlerts() {
        return Stream.of(
                Arguments.of(Role.CLIENT, AlertDescription.certificate_expired, ErrorType.CERTIFICATE_EXPIRED, "expired"),
                Arguments.of(Role.CLIENT, AlertDescription.certificate_revoked, ErrorType.CERTIFICATE_REVOKED, "revoked"),
                Arguments.of(Role.CLIENT, AlertDescription.bad_certificate, ErrorType.BAD_CLIENT_CERTIFICATE,
                        "The server rejected the client's certificate"),
                Arguments.of(Role.CLIENT, AlertDescription.unknown_ca, ErrorType.BAD_CLIENT_CERTIFICATE, "unknown_ca"),
                Arguments.of(Role.SERVER, AlertDescription.certificate_unknown, ErrorType.UNTRUSTED_CERTIFICATE,
                        "The client rejected the server's certificate"),
                Arguments.of(Role.SERVER, AlertDescription.unsupported_certificate, ErrorType.UNTRUSTED_CERTIFICATE,
                        "unsupported_certificate"),
                Arguments.of(Role.CLIENT, AlertDescription.certificate_required, ErrorType.CLIENT_CERTIFICATE_REQUIRED,
                        "client certificate"),
                Arguments.of(Role.CLIENT, AlertDescription.no_application_protocol,
                        ErrorType.NO_COMMON_APPLICATION_PROTOCOL, "the client offered [h2, http/1.1]"),
                Arguments.of(Role.CLIENT, AlertDescription.unrecognized_name, ErrorType.UNRECOGNIZED_NAME,
                        "does not serve the name api.example.com"),
                Arguments.of(Role.CLIENT, AlertDescription.decode_error, ErrorType.DECODE_ERROR, "decoded"),
                Arguments.of(Role.CLIENT, AlertDescription.handshake_failure, ErrorType.OTHER,
                        "Received fatal alert: handshake_failure"),
                Arguments.of(Role.SERVER, AlertDescription.internal_error, ErrorType.OTHER,
                        "Received fatal alert: internal_error"));
    }

    @ParameterizedTest
    @MethodSource("peerAlerts")
    void aPeersFatalAlertNamesTheCause(Role role, int alert, String errorType, String evidence) {
        Conversation c = new Conversation(role);
        c.fromClient(Flights.clientHello13("api.example.com", "h2", "http/1.1"));
        if (role == Role.CLIENT) {
            c.alertFromServer(alert);
        } else {
            c.fromServer(Flights.serverHello13(0x1301, 0x1D, false));
            c.alertFromClient(alert);
        }
        Diagnosis diagnosis = diagnose(c.failed(peerAlert(alert)));
        assertEquals(errorType, diagnosis.errorType());
        assertEquals(Diagnosis.Side.PEER, diagnosis.side());
        assertEquals(AlertDescription.name(alert), diagnosis.alert());
        assertMentions(diagnosis, evidence);
    }

    @Test
    void otherLocalFailureFallsBackToTheExceptionText() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        c.alertFromClient(AlertDescription.internal_error);
        Diagnosis diagnosis = diagnose(c.failed(new Failure(Failure.Origin.LOCAL_ERROR, AlertDescription.internal_error,
                null, new SSLException("something odd"))));
        assertEquals(ErrorType.OTHER, diagnosis.errorType());
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
        assertEquals("internal_error", diagnosis.alert());
        assertMentions(diagnosis, "something odd");
        assertTrue(diagnosis.hint().contains("javax.net.debug"), diagnosis.hint());
    }

    @Test
    void theAlertIsTheLastOneThisSideSentNotAReceivedOne() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        c.alertFromServer(AlertDescription.handshake_failure);
        Diagnosis diagnosis = diagnose(c.failed(local(AlertDescription.internal_error, "no cipher suites in common")));
        assertNull(diagnosis.alert(), "a received alert on a local failure is not the failure's alert");
    }

    @Test
    void theAlertIsTheOneThisSideSentEvenWhenTheStackNamedNone() {
        Conversation c = new Conversation(Role.CLIENT).tls13ServerFlight("localhost", PKI.server().chain(), null);
        c.alertFromClient(AlertDescription.decrypt_error);
        Diagnosis diagnosis = diagnose(c.failed(new Failure(Failure.Origin.LOCAL_ERROR, -1, "Cannot verify signature",
                ssl("Cannot verify signature", null))));
        assertEquals("decrypt_error", diagnosis.alert(), "read from the Alert message this client sent");
        assertEquals(Diagnosis.Side.LOCAL, diagnosis.side());
    }

    @Test
    void everyErrorTypeIsInTheContract() {
        List<String> contract = List.of("untrusted_certificate", "certificate_expired", "certificate_not_yet_valid",
                "certificate_revoked", "hostname_mismatch", "no_common_cipher_suite", "protocol_version_mismatch",
                "no_common_group", "signature_algorithm_mismatch", "no_common_application_protocol",
                "client_certificate_required", "bad_client_certificate", "unrecognized_name", "peer_closed", "not_tls",
                "handshake_timeout", "decode_error", "_OTHER");
        List<String> constants = Stream.of(ErrorType.class.getFields()).map(f -> {
            try {
                return (String) f.get(null);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }).sorted().collect(java.util.stream.Collectors.toList());
        assertEquals(contract.stream().sorted().collect(java.util.stream.Collectors.toList()), constants);
    }
}
