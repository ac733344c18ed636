package io.tlslens.agent.diagnosis;

import io.tlslens.agent.record.Direction;
import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.RegistryNames;
import io.tlslens.agent.record.HandshakeSummary;
import io.tlslens.agent.record.RecordedMessage;
import io.tlslens.agent.record.Role;
import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ExtensionType;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.SignatureScheme;
import io.tlslens.wire.StatusRequestExtension;
import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names the cause of a failed handshake from what was recorded: the alert and who sent it, the
 * exception chain, and the messages both sides exchanged. Rules go from the most specific evidence
 * (an exception type) to the least (an alert that many causes share).
 */
public final class Diagnoser {

    private static final int HANDSHAKE_FAILURE = 40;
    private static final int BAD_CERTIFICATE = 42;
    private static final int UNSUPPORTED_CERTIFICATE = 43;
    private static final int CERTIFICATE_REVOKED = 44;
    private static final int CERTIFICATE_EXPIRED = 45;
    private static final int CERTIFICATE_UNKNOWN = 46;
    private static final int UNKNOWN_CA = 48;
    private static final int DECODE_ERROR = 50;
    private static final int PROTOCOL_VERSION = 70;
    private static final int UNRECOGNIZED_NAME = 112;
    private static final int BAD_CERTIFICATE_STATUS_RESPONSE = 113;
    private static final int CERTIFICATE_REQUIRED = 116;
    private static final int NO_APPLICATION_PROTOCOL = 120;

    private Diagnoser() {
    }

    public static Diagnosis diagnose(HandshakeSummary summary) {
        Failure failure = summary.record().failure();
        String alert = alertOnTheWire(summary);
        Diagnosis.Side side = failure.origin() == Failure.Origin.PEER_ALERT ? Diagnosis.Side.PEER : Diagnosis.Side.LOCAL;
        String message = describe(failure);
        Throwable cause = failure.cause();

        if (summary.record().isPostHandshake()) {
            return rejectedAfterHandshake(summary, failure, alert, message);
        }
        if (failure.origin() == Failure.Origin.ABANDONED) {
            return new Diagnosis(ErrorType.HANDSHAKE_TIMEOUT, Diagnosis.Side.LOCAL, null, failure.diagnostic(),
                    "Find where the application stops driving the handshake (an SSLEngine whose wrap/unwrap is no "
                            + "longer called, a socket left unread).");
        }
        if (find(cause, SocketTimeoutException.class) != null) {
            return new Diagnosis(ErrorType.HANDSHAKE_TIMEOUT, Diagnosis.Side.LOCAL, alert,
                    "The peer did not answer within the socket timeout (" + message + ")" + lastSeen(summary) + ".",
                    "Check that the peer is reachable and serving TLS on this port; raise the timeout if it is slow.");
        }
        if (find(cause, CertificateExpiredException.class) != null) {
            return certificateValidity(summary, side, alert, true);
        }
        if (find(cause, CertificateNotYetValidException.class) != null) {
            return certificateValidity(summary, side, alert, false);
        }
        if (isHostnameMismatch(cause)) {
            return hostnameMismatch(summary, alert, message);
        }
        CertPathValidatorException invalid = find(cause, CertPathValidatorException.class);
        if (invalid != null && invalid.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
            return revoked(summary, alert, message, invalid);
        }
        if (invalid != null
                && invalid.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return revocationUnknown(summary, alert, message, invalid);
        }
        if (isUntrusted(cause)) {
            return untrusted(summary, alert, message);
        }
        // SunJSSE's two wordings, and the reference stack's record check ("record of content type 72 is not TLS")
        if (contains(message, "Unsupported or unrecognized SSL message") || contains(message, "plaintext connection")
                || contains(message, " is not TLS")) {
            return new Diagnosis(ErrorType.NOT_TLS, Diagnosis.Side.LOCAL, alert,
                    "The peer answered with bytes that are not a TLS record (" + message + ").",
                    "The port does not speak TLS: check the port and scheme (http vs https), or a proxy in between.");
        }
        if (find(cause, EOFException.class) != null || find(cause, SocketException.class) != null
                || contains(message, "Remote host terminated the handshake")) {
            return new Diagnosis(ErrorType.PEER_CLOSED, Diagnosis.Side.PEER, alert,
                    "The peer closed the connection without an alert" + lastSeen(summary) + " (" + message + ").",
                    "Look at the peer's logs: a server usually does this when it rejects the ClientHello "
                            + "(versions, cipher suites, SNI) or when it is overloaded.");
        }
        if (contains(message, "no cipher suites in common")) {
            return noCommonCipherSuite(summary, side, alert, message);
        }
        if (contains(message, "Empty client certificate chain")) {
            return new Diagnosis(ErrorType.CLIENT_CERTIFICATE_REQUIRED, side, alert,
                    "The server requires a client certificate and the client sent none (" + message + ").",
                    "Give the client a key store with a certificate from a CA the server trusts; if the server "
                            + "names CAs in its CertificateRequest, the certificate must chain to one of them.");
        }
        if (contains(message, "No common named group") || contains(message, "No supported named group")) {
            return new Diagnosis(ErrorType.NO_COMMON_GROUP, side, alert,
                    "The two sides share no key exchange group" + offeredGroups(summary) + " (" + message + ").",
                    "Enable a common group on both sides (jdk.tls.namedGroups, SSLParameters.setNamedGroups).");
        }
        if (contains(message, "No available authentication scheme")
                || contains(message, "No supported signature algorithm")) {
            return new Diagnosis(ErrorType.SIGNATURE_ALGORITHM_MISMATCH, side, alert,
                    "No signature scheme fits both the certificate's key and what the peer accepts"
                            + offeredSignatureAlgorithms(summary) + " (" + message + ").",
                    "Use a certificate whose key type the peer accepts, or enable a common signature scheme "
                            + "(jdk.tls.signatureSchemes, jdk.tls.disabledAlgorithms).");
        }
        if (failure.alert() == PROTOCOL_VERSION || contains(message, "No appropriate protocol")
                || contains(message, "protocol versions")) {
            return new Diagnosis(ErrorType.PROTOCOL_VERSION_MISMATCH, side, alert,
                    "The two sides share no TLS version" + offeredVersions(summary) + " (" + message + ").",
                    "Enable a common version on both sides (SSLParameters.setProtocols, jdk.tls.client.protocols, "
                            + "jdk.tls.disabledAlgorithms).");
        }
        return byAlert(summary, failure, side, alert, message);
    }

    private static Diagnosis byAlert(HandshakeSummary summary, Failure failure, Diagnosis.Side side, String alert,
                                     String message) {
        switch (failure.alert()) {
            case CERTIFICATE_EXPIRED:
                return new Diagnosis(ErrorType.CERTIFICATE_EXPIRED, side, alert,
                        "The " + (side == Diagnosis.Side.PEER ? "peer" : "local side")
                                + " reported an expired certificate (" + message + ").",
                        "Renew the certificate and reload it where it is served.");
            case CERTIFICATE_REVOKED:
                return new Diagnosis(ErrorType.CERTIFICATE_REVOKED, side, alert,
                        rejecter(summary, side) + " reported the " + rejectedParty(summary, side)
                                + " certificate revoked (" + message + ").",
                        "Replace the revoked certificate; check the CRL/OCSP responder if it should not be.");
            case BAD_CERTIFICATE:
            case UNSUPPORTED_CERTIFICATE:
            case CERTIFICATE_UNKNOWN:
            case UNKNOWN_CA:
            case BAD_CERTIFICATE_STATUS_RESPONSE:
                return rejectedCertificate(summary, side, alert, message);
            case CERTIFICATE_REQUIRED:
                return new Diagnosis(ErrorType.CLIENT_CERTIFICATE_REQUIRED, side, alert,
                        "The server requires a client certificate and none was sent (" + message + ").",
                        "Configure the client with a key store holding a certificate the server trusts.");
            case NO_APPLICATION_PROTOCOL:
                return new Diagnosis(ErrorType.NO_COMMON_APPLICATION_PROTOCOL, side, alert,
                        "No common application protocol" + offeredAlpn(summary) + " (" + message + ").",
                        "Offer a protocol the server supports (SSLParameters.setApplicationProtocols).");
            case UNRECOGNIZED_NAME:
                return new Diagnosis(ErrorType.UNRECOGNIZED_NAME, side, alert,
                        "The server does not serve the name " + summary.serverName().orElse("(none sent)")
                                + " (" + message + ").",
                        "Connect with a name the server is configured for, or add the name to its SNI matchers.");
            case DECODE_ERROR:
                return new Diagnosis(ErrorType.DECODE_ERROR, side, alert,
                        "A handshake message could not be decoded (" + message + ").",
                        "One side sends malformed TLS: check for a proxy or a TLS library bug.");
            case HANDSHAKE_FAILURE:
                if (side == Diagnosis.Side.PEER && summary.record().role() == Role.CLIENT
                        && summary.serverHello().isEmpty() && summary.clientHello().isPresent()) {
                    return rejectedClientHello(summary, alert, message);
                }
                return other(side, alert, message);
            default:
                return other(side, alert, message);
        }
    }

    /**
     * The peer's fatal alert came right after a handshake this side completed by sending the last
     * message, the peer having asked for its certificate: a TLS 1.3 server checks the client's
     * certificate only after the client's Finished, so the client learns of the verdict on its first read.
     */
    private static Diagnosis rejectedAfterHandshake(HandshakeSummary summary, Failure failure, String alert,
                                                    String message) {
        String when = " after the handshake had completed on this side (a TLS 1.3 server checks the client's "
                + "certificate after the client's Finished, so the client learns of it on its first read)";
        List<X509Certificate> presented = summary.clientChain();
        switch (failure.alert()) {
            case CERTIFICATE_REQUIRED:
            case BAD_CERTIFICATE:
            case UNSUPPORTED_CERTIFICATE:
            case CERTIFICATE_REVOKED:
            case CERTIFICATE_EXPIRED:
            case CERTIFICATE_UNKNOWN:
            case UNKNOWN_CA:
                if (presented.isEmpty()) {
                    return new Diagnosis(ErrorType.CLIENT_CERTIFICATE_REQUIRED, Diagnosis.Side.PEER, alert,
                            "The server requires a client certificate and this client sent none; it answered with "
                                    + alert + when + " (" + message + ").",
                            "Configure the client with a key store holding a certificate from a CA the server "
                                    + "trusts; the JDK's key manager sends none whose chain misses the CAs the server "
                                    + "names.");
                }
                X509Certificate leaf = presented.get(0);
                return new Diagnosis(ErrorType.BAD_CLIENT_CERTIFICATE, Diagnosis.Side.PEER, alert,
                        "The server rejected this client's certificate " + leaf.getSubjectX500Principal().getName()
                                + " (issued by " + leaf.getIssuerX500Principal().getName() + ") with " + alert + when
                                + " (" + message + ").",
                        "Issue the client a certificate from a CA the server trusts (its CertificateRequest names "
                                + "them), or add the client's CA to the server's trust store; the server's own "
                                + "handshake span says why it refused.");
            default:
                return other(Diagnosis.Side.PEER, alert, "The server ended the connection with " + alert + when
                        + " (" + message + ").");
        }
    }

    /**
     * The server refused the ClientHello without saying why. Only the server knows which part it
     * could not accept; this side can show what it offered, which is what to compare.
     */
    private static Diagnosis rejectedClientHello(HandshakeSummary summary, String alert, String message) {
        ClientHello hello = summary.clientHello().get();
        return new Diagnosis(ErrorType.OTHER, Diagnosis.Side.PEER, alert,
                "The server refused this client's ClientHello with " + alert + " before choosing anything ("
                        + message + "). The server's settings are not visible from here; this client offered "
                        + "cipher suites " + names(hello.cipherSuites())
                        + ", groups " + Arrays.toString(RegistryNames.names(hello.supportedGroups(), NamedGroup::name))
                        + " and signature algorithms "
                        + Arrays.toString(RegistryNames.names(hello.signatureAlgorithms(), SignatureScheme::name)) + ".",
                "Compare the offer with the server's enabled cipher suites, named groups and certificate key "
                        + "type; the usual cause is no common cipher suite, group or signature algorithm.");
    }

    private static Diagnosis other(Diagnosis.Side side, String alert, String message) {
        return new Diagnosis(ErrorType.OTHER, side, alert, message,
                side == Diagnosis.Side.PEER
                        ? "The peer gave no reason beyond the alert: compare its TLS settings with the offer "
                        + "recorded in this handshake (versions, cipher suites, groups, signature algorithms)."
                        : "See the detail; run with -Djavax.net.debug=ssl:handshake for the JDK's own trace.");
    }

    /** A certificate alert: whose certificate was rejected follows from the role and who sent the alert. */
    private static Diagnosis rejectedCertificate(HandshakeSummary summary, Diagnosis.Side side, String alert,
                                                 String message) {
        String rejecter = rejecter(summary, side);
        if (rejectedParty(summary, side).equals("server's")) {
            return new Diagnosis(ErrorType.UNTRUSTED_CERTIFICATE, side, alert,
                    rejecter + " rejected the server's certificate with " + alert + " (" + message + ").",
                    "Make the client trust the server's CA (its trust store), or have the server send its full "
                            + "chain; the client's own span says which check failed.");
        }
        return new Diagnosis(ErrorType.BAD_CLIENT_CERTIFICATE, side, alert,
                rejecter + " rejected the client's certificate with " + alert + " (" + message + ").",
                "Issue the client a certificate from a CA the server trusts, or add its CA to the server's trust "
                        + "store.");
    }

    /** Who sent a certificate alert: this side, or its peer. */
    private static String rejecter(HandshakeSummary summary, Diagnosis.Side side) {
        boolean client = summary.record().role() == Role.CLIENT;
        return side == Diagnosis.Side.LOCAL ? "This " + (client ? "client" : "server")
                : "The " + (client ? "server" : "client");
    }

    /** Whose certificate a certificate alert is about: a client rejects the server's, and the other way round. */
    private static String rejectedParty(HandshakeSummary summary, Diagnosis.Side side) {
        boolean client = summary.record().role() == Role.CLIENT;
        return client == (side == Diagnosis.Side.LOCAL) ? "server's" : "client's";
    }

    /**
     * This side's revocation check found the peer's certificate revoked. The JDK's
     * {@link CertificateRevokedException} carries when, why and who said so; the validator's exception
     * says which certificate of the path it was.
     */
    private static Diagnosis revoked(HandshakeSummary summary, String alert, String message,
                                     CertPathValidatorException invalid) {
        X509Certificate certificate = failingCertificate(invalid, checkedChain(summary));
        CertificateRevokedException revocation = find(invalid, CertificateRevokedException.class);
        String when = revocation == null ? ""
                : " on " + revocation.getRevocationDate().toInstant() + " (reason " + revocation.getRevocationReason()
                + ", said by " + revocation.getAuthorityName().getName() + ")";
        return new Diagnosis(ErrorType.CERTIFICATE_REVOKED, Diagnosis.Side.LOCAL, alert,
                "The " + checkedParty(summary) + " certificate " + describe(certificate) + " was revoked" + when
                        + " (" + message + ").",
                "Replace the revoked certificate (with a new key if the reason is KEY_COMPROMISE) and reload it "
                        + "where it is served; if it should not be revoked, take it up with its CA, whose CRL or "
                        + "OCSP responder says so.");
    }

    /**
     * This side checks revocation and could not learn the peer certificate's status (no OCSP answer,
     * no CRL, a responder that said tryLater or unknown), and its checker does not let that pass.
     * Whether the server stapled a status, and whether the client asked for one, is on the wire.
     */
    private static Diagnosis revocationUnknown(HandshakeSummary summary, String alert, String message,
                                               CertPathValidatorException invalid) {
        X509Certificate certificate = failingCertificate(invalid, checkedChain(summary));
        String detail = "The revocation status of the " + checkedParty(summary) + " certificate "
                + describe(certificate) + " could not be established, and this side's revocation check does not "
                + "accept that" + stapling(summary) + " (" + message + ").";
        String reachable = "the OCSP responder or CRL that the certificate names reachable from this side, or, where "
                + "policy allows, let checks that cannot be made pass (PKIXRevocationChecker.Option.SOFT_FAIL).";
        // A stapled response helps only a client that asks for one, which the reference stack does not.
        String hint = summary.record().stack().equals("reference") ? "Make " + reachable
                : "Have the server staple OCSP responses (a JDK server: -Djdk.tls.server.enableStatusRequestExtension"
                + "=true, with its CA's OCSP responder reachable from it), make " + reachable;
        return new Diagnosis(summary.record().role() == Role.SERVER ? ErrorType.BAD_CLIENT_CERTIFICATE
                : ErrorType.UNTRUSTED_CERTIFICATE, Diagnosis.Side.LOCAL, alert, detail, hint);
    }

    /** What the handshake shows of OCSP stapling, for a client: asked for, stapled, or neither. */
    private static String stapling(HandshakeSummary summary) {
        if (summary.record().role() != Role.CLIENT || summary.clientHello().isEmpty()) {
            return "";
        }
        if (serverStapled(summary)) {
            return ": the server stapled an OCSP response, which did not settle it";
        }
        boolean asked = summary.clientHello().get().extensions().stream()
                .anyMatch(extension -> extension.type() == ExtensionType.status_request);
        if (asked) {
            return ": the server stapled no OCSP response although this client asked for one (status_request), "
                    + "and the client could not get a usable answer itself from the OCSP responder or CRL the "
                    + "certificate names";
        }
        // The reference stack never sends status_request: the JDK's switch for it does not apply there.
        String why = summary.record().stack().equals("reference") ? "the reference stack does not ask for stapled "
                + "OCSP responses" : "jdk.tls.client.enableStatusRequestExtension=false";
        return ": this client did not ask the server to staple an OCSP response (" + why + ") and could not get a "
                + "usable answer itself from the OCSP responder or CRL the certificate names";
    }

    /** A TLS 1.2 CertificateStatus message, or a status in the server's TLS 1.3 CertificateEntry. */
    private static boolean serverStapled(HandshakeSummary summary) {
        for (RecordedMessage message : summary.record().messages()) {
            if (!message.isHandshake() || !summary.isFromServer(message)) {
                continue;
            }
            if (message.handshakeType() == HandshakeType.certificate_status) {
                return true;
            }
            Certificate certificate = message.as(Certificate.class);
            if (certificate != null && !certificate.entries().isEmpty() && certificate.entries().get(0)
                    .extension(StatusRequestExtension.class).flatMap(StatusRequestExtension::response).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The certificate the validator stopped at, else the leaf of the checked chain; null when neither is known. */
    private static X509Certificate failingCertificate(CertPathValidatorException invalid,
                                                      List<X509Certificate> chain) {
        if (invalid.getCertPath() != null && invalid.getIndex() >= 0
                && invalid.getIndex() < invalid.getCertPath().getCertificates().size()
                && invalid.getCertPath().getCertificates().get(invalid.getIndex()) instanceof X509Certificate) {
            return (X509Certificate) invalid.getCertPath().getCertificates().get(invalid.getIndex());
        }
        return chain.isEmpty() ? null : chain.get(0);
    }

    /** Subject, serial number and issuer: enough to find the certificate in a CA's records. */
    private static String describe(X509Certificate certificate) {
        if (certificate == null) {
            return "(not recorded)";
        }
        return certificate.getSubjectX500Principal().getName() + " (serial "
                + certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT) + ", issued by "
                + certificate.getIssuerX500Principal().getName() + ")";
    }

    private static Diagnosis certificateValidity(HandshakeSummary summary, Diagnosis.Side side, String alert,
                                                 boolean expired) {
        List<X509Certificate> chain = checkedChain(summary);
        Date now = new Date();
        String evidence = "";
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            boolean bad = expired ? certificate.getNotAfter().before(now) : certificate.getNotBefore().after(now);
            if (bad) {
                evidence = ": " + position(i) + " " + certificate.getSubjectX500Principal().getName()
                        + (expired ? " expired on " + certificate.getNotAfter().toInstant()
                                   : " is valid only from " + certificate.getNotBefore().toInstant());
                break;
            }
        }
        return new Diagnosis(expired ? ErrorType.CERTIFICATE_EXPIRED : ErrorType.CERTIFICATE_NOT_YET_VALID, side,
                alert, "The " + checkedParty(summary) + " certificate " + (expired ? "has expired" : "is not yet valid")
                + evidence + ".",
                expired ? "Renew the certificate and reload it where it is served."
                        : "Check the clocks of both hosts, or wait until the certificate's notBefore date.");
    }

    private static Diagnosis hostnameMismatch(HandshakeSummary summary, String alert, String message) {
        List<X509Certificate> chain = checkedChain(summary);
        String asked = summary.serverName().orElse(summary.record().peer().host());
        String names = chain.isEmpty() ? "unknown" : subjectAltNames(chain.get(0));
        return new Diagnosis(ErrorType.HOSTNAME_MISMATCH, Diagnosis.Side.LOCAL, alert,
                "The client asked for " + (asked == null ? "(unknown)" : asked)
                        + " but the certificate names " + names + " (" + message + ").",
                "Connect with a name the certificate lists in its subjectAltName, or reissue the certificate "
                        + "with this name.");
    }

    private static Diagnosis untrusted(HandshakeSummary summary, String alert, String message) {
        List<X509Certificate> chain = checkedChain(summary);
        String evidence = "";
        if (!chain.isEmpty()) {
            X509Certificate last = chain.get(chain.size() - 1);
            boolean selfSigned = last.getSubjectX500Principal().equals(last.getIssuerX500Principal());
            evidence = selfSigned
                    ? "; the chain ends in " + last.getSubjectX500Principal().getName() + ", which is self-signed and not trusted"
                    : "; the chain ends in " + last.getSubjectX500Principal().getName() + ", issued by "
                    + last.getIssuerX500Principal().getName() + ", which is neither sent nor trusted";
        }
        String detail = "The " + checkedParty(summary) + " certificate chain does not lead to a trusted CA" + evidence
                + " (" + message + ").";
        if (summary.record().role() == Role.SERVER) {
            return new Diagnosis(ErrorType.BAD_CLIENT_CERTIFICATE, Diagnosis.Side.LOCAL, alert, detail,
                    "Add the client certificate's CA to the server's trust store, or issue the client a certificate "
                            + "from a CA the server trusts.");
        }
        return new Diagnosis(ErrorType.UNTRUSTED_CERTIFICATE, Diagnosis.Side.LOCAL, alert, detail,
                "Add the issuing CA to the trust store (javax.net.ssl.trustStore), or make the peer send its "
                        + "intermediate certificates.");
    }

    private static Diagnosis noCommonCipherSuite(HandshakeSummary summary, Diagnosis.Side side, String alert,
                                                 String message) {
        String offered = summary.clientHello()
                .map(hello -> "; the client offered " + names(hello.cipherSuites()))
                .orElse("");
        return new Diagnosis(ErrorType.NO_COMMON_CIPHER_SUITE, side, alert,
                "The server found no cipher suite it shares with the client" + offered + ".",
                "Enable at least one common suite on both sides (setEnabledCipherSuites, jdk.tls.disabledAlgorithms).");
    }

    private static String names(List<Integer> suites) {
        return Arrays.toString(RegistryNames.names(suites, CipherSuite::name));
    }

    private static String offeredVersions(HandshakeSummary summary) {
        return summary.clientHello()
                .map(hello -> {
                    List<String> versions = new ArrayList<>();
                    for (int version : hello.supportedVersions()) {
                        versions.add(io.tlslens.wire.ProtocolVersion.name(version));
                    }
                    if (versions.isEmpty()) {
                        versions.add(io.tlslens.wire.ProtocolVersion.name(hello.legacyVersion()));
                    }
                    return "; the client offered " + versions;
                })
                .orElse("");
    }

    private static String offeredGroups(HandshakeSummary summary) {
        return summary.clientHello().map(hello -> "; the client offered "
                + Arrays.toString(RegistryNames.names(hello.supportedGroups(), NamedGroup::name))).orElse("");
    }

    private static String offeredSignatureAlgorithms(HandshakeSummary summary) {
        return summary.clientHello().map(hello -> "; the client accepts "
                + Arrays.toString(RegistryNames.names(hello.signatureAlgorithms(), SignatureScheme::name))).orElse("");
    }

    /**
     * The fatal alert that really crossed the wire: the one received, or the one this side sent.
     * JSSE names an alert for every failure, even when the connection was already gone.
     */
    private static String alertOnTheWire(HandshakeSummary summary) {
        Failure failure = summary.record().failure();
        if (failure.origin() == Failure.Origin.PEER_ALERT) {
            return failure.alert() >= 0 ? AlertDescription.name(failure.alert()) : null;
        }
        List<RecordedMessage> messages = summary.record().messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            Alert sent = messages.get(i).direction() == Direction.SENT ? messages.get(i).as(Alert.class) : null;
            if (sent != null) {
                return AlertDescription.name(sent.description());
            }
        }
        return null;
    }

    private static String offeredAlpn(HandshakeSummary summary) {
        return summary.clientHello().map(hello -> hello.alpnProtocols().isEmpty()
                ? "; the client offered none" : "; the client offered " + hello.alpnProtocols()).orElse("");
    }

    /** The chain the local side was checking: the peer's. */
    private static List<X509Certificate> checkedChain(HandshakeSummary summary) {
        return summary.record().role() == Role.CLIENT ? summary.serverChain() : summary.clientChain();
    }

    private static String checkedParty(HandshakeSummary summary) {
        return summary.record().role() == Role.CLIENT ? "server's" : "client's";
    }

    private static String position(int index) {
        return index == 0 ? "the leaf" : "chain certificate #" + index;
    }

    private static String lastSeen(HandshakeSummary summary) {
        List<RecordedMessage> messages = summary.record().messages();
        if (messages.isEmpty()) {
            return ", before any handshake message";
        }
        RecordedMessage last = messages.get(messages.size() - 1);
        return ", after this side " + (last.direction() == Direction.SENT ? "sent" : "received")
                + " " + last.name();
    }

    private static String subjectAltNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return "no subjectAltName (subject " + certificate.getSubjectX500Principal().getName() + ")";
            }
            return names.stream().map(name -> String.valueOf(name.get(1))).collect(Collectors.joining(", ", "[", "]"));
        } catch (CertificateParsingException e) {
            return "an unreadable subjectAltName";
        }
    }

    private static boolean isHostnameMismatch(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String text = t.getMessage();
            if (t instanceof java.security.cert.CertificateException && text != null
                    && (text.startsWith("No subject alternative") || text.startsWith("No name matching"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUntrusted(Throwable cause) {
        if (find(cause, CertPathValidatorException.class) != null) {
            return true;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getClass().getName().endsWith("SunCertPathBuilderException")
                    || (t.getMessage() != null && t.getMessage().contains("PKIX path"))) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable cause, Class<T> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /** The stack's diagnostic, else the exception's own description. */
    private static String describe(Failure failure) {
        String text = failure.diagnostic();
        if (text == null && failure.cause() != null) {
            text = failure.cause().toString();
        }
        return text == null ? "no further detail" : text;
    }
}
