package io.tlslens.stack.tls12;

import static io.tlslens.stack.handshake.Evidence.evidence;
import static io.tlslens.stack.handshake.Extensions.checkNoDuplicates;

import io.tlslens.observe.Decision.Subjects;
import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.CertifiedKey;
import io.tlslens.stack.ClientAuth;
import io.tlslens.stack.Tls;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.TlsConfig;
import io.tlslens.stack.crypto.TlsCrypto.KeyShare;
import io.tlslens.stack.handshake.HandshakeState;
import io.tlslens.stack.handshake.PeerChain;
import io.tlslens.stack.handshake.ServerNameChoice;
import io.tlslens.stack.tls13.Names;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateRequest;
import io.tlslens.wire.CertificateVerify;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientCertificateType;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ClientKeyExchange;
import io.tlslens.wire.EcPointFormat;
import io.tlslens.wire.EcPointFormatsExtension;
import io.tlslens.wire.ExtendedMasterSecretExtension;
import io.tlslens.wire.Extension;
import io.tlslens.wire.Finished;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.NewSessionTicket;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.RecordSizeLimitExtension;
import io.tlslens.wire.RenegotiationInfoExtension;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.ServerHelloDone;
import io.tlslens.wire.ServerKeyExchange;
import io.tlslens.wire.ServerNameExtension;
import io.tlslens.wire.SessionTicketExtension;
import io.tlslens.wire.SignatureScheme;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.security.auth.x500.X500Principal;

/**
 * The TLS 1.2 server (RFC 5246 §7.3): processClientHello (version, secure renegotiation, extended
 * master secret, server name, resumption by ticket or session ID, ALPN, then for a full handshake
 * cipher suite with certificate, group and signature scheme), sendServerFlight or
 * sendResumedFlight; readClientCertificate, readClientKeyExchange, readCertificateVerify, the
 * client's ChangeCipherSpec, readClientFinished.
 */
final class Tls12ServerHandshake extends Tls12Handshake {
    private enum State {
        START, WAIT_CERTIFICATE, WAIT_CLIENT_KEY_EXCHANGE, WAIT_CERTIFICATE_VERIFY, WAIT_CHANGE_CIPHER_SPEC, WAIT_FINISHED, CONNECTED
    }

    private final List<Integer> enabledSuites;
    private final List<Integer> enabledGroups;
    private State state = State.START;
    private ClientHello hello;
    private CertifiedKey credential;
    private KeyShare keyShare;
    private CertificateRequest certificateRequest;
    private X509Certificate clientLeaf;
    private boolean issueTicket;
    /** Our record_size_limit, to announce when the client announced one. */
    private int recordSizeLimit;
    private byte[] sessionId;

    Tls12ServerHandshake(TlsConfig config, HandshakeObserver observer, Tls12RecordReader reader, Tls12RecordWriter writer,
            HandshakeState view) {
        super(config, observer, reader, writer, view);
        this.enabledSuites = Tls12Connection.enabledSuites(config);
        this.enabledGroups = config.groups().stream().filter(crypto::supportsGroup).collect(Collectors.toList());
    }

    @Override
    void start() {
        // the client speaks first
    }

    @Override
    void handle(HandshakeFrame frame) throws SSLException {
        switch (state) {
            case START:
                expect(frame, HandshakeType.client_hello);
                processClientHello((ClientHello) receive(frame), frame);
                break;
            case WAIT_CERTIFICATE:
                expect(frame, HandshakeType.certificate);
                readClientCertificate((Certificate) receive(frame), frame);
                break;
            case WAIT_CLIENT_KEY_EXCHANGE:
                expect(frame, HandshakeType.client_key_exchange);
                readClientKeyExchange((ClientKeyExchange) receive(frame), frame);
                break;
            case WAIT_CERTIFICATE_VERIFY:
                expect(frame, HandshakeType.certificate_verify);
                readCertificateVerify((CertificateVerify) receive(frame), frame);
                break;
            case WAIT_FINISHED:
                expect(frame, HandshakeType.finished);
                readClientFinished((Finished) receive(frame), frame);
                break;
            default:
                expect(frame);
        }
    }

    private void processClientHello(ClientHello clientHello, HandshakeFrame frame) throws SSLException {
        hello = clientHello;
        clientRandom = hello.random();
        serverRandom = serverRandom();
        negotiateVersion();
        checkNoDuplicates(hello.extensions(), "ClientHello");
        if (!hello.compressionMethods().contains(0)) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "compression_methods without null");
        }
        checkRenegotiationInfo();
        chooseExtendedMasterSecret();
        checkPointFormats();
        Optional<RecordSizeLimitExtension> limit = hello.extension(RecordSizeLimitExtension.class);
        if (limit.isPresent()) {
            recordSizeLimit = applyRecordSizeLimit(limit.get());
        }
        ServerNameChoice.accept(config, hello, view, observer).ifPresent(this::decide);
        view.peerSignatureSchemes(hello.signatureAlgorithms());
        messages.add(frame.encode());
        Optional<Tls12Session> resumed = chooseSession();
        alpn.choose(hello);
        if (resumed.isPresent()) {
            sendResumedFlight(resumed.get());
        } else {
            chooseCipherSuiteAndCredential();
            chooseGroup();
            sendServerFlight();
        }
    }

    /**
     * A fresh random; a server that enables TLS 1.3 too ends it with the downgrade sentinel
     * (RFC 8446 §4.1.3), which a TLS 1.3 client checks.
     */
    private byte[] serverRandom() {
        byte[] random = new byte[32];
        crypto.random().nextBytes(random);
        if (Tls.enabledVersions(config).contains(ProtocolVersion.TLSv1_3)) {
            System.arraycopy(DOWNGRADE_TLS12, 0, random, 24, 8);
        }
        return random;
    }

    /** The client's highest version is supported_versions (RFC 8446 §4.2.1), else legacy_version; this server speaks 1.2 only here. */
    private void negotiateVersion() throws TlsAlertException {
        List<Integer> offered = hello.supportedVersions();
        Map<String, List<String>> evidence = evidence("client.versions", offered.isEmpty()
                ? List.of(ProtocolVersion.name(hello.legacyVersion()) + " (legacy_version, no supported_versions)")
                : Names.versions(offered), "server.versions", Names.versions(config.versions()));
        boolean clientOffers12 = offered.isEmpty() ? hello.legacyVersion() >= ProtocolVersion.TLSv1_2 : offered.contains(ProtocolVersion.TLSv1_2);
        if (!clientOffers12 || !config.versions().contains(ProtocolVersion.TLSv1_2)) {
            decide(Decision.none(Subjects.VERSION, "no common protocol version", evidence));
            throw new TlsAlertException(AlertDescription.protocol_version, "no common protocol version: client offers "
                    + evidence.get("client.versions") + ", server enables " + evidence.get("server.versions"));
        }
        decide(Decision.chose(Subjects.VERSION, ProtocolVersion.name(ProtocolVersion.TLSv1_2), "highest version both enable", evidence));
        view.version(ProtocolVersion.TLSv1_2);
    }

    /** RFC 5746 §3.6: an empty renegotiation_info or the SCSV; without either the client may be open to renegotiation attacks. */
    private void checkRenegotiationInfo() throws TlsAlertException {
        Optional<RenegotiationInfoExtension> info = hello.extension(RenegotiationInfoExtension.class);
        if (info.isPresent() && info.get().renegotiatedConnection().length != 0) {
            throw new TlsAlertException(AlertDescription.handshake_failure, "renegotiation_info not empty in a first handshake");
        }
        if (info.isEmpty() && !hello.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)) {
            throw new TlsAlertException(AlertDescription.handshake_failure,
                    "client does not support secure renegotiation (neither renegotiation_info nor the SCSV, RFC 5746)");
        }
    }

    private void chooseExtendedMasterSecret() throws TlsAlertException {
        extendedMasterSecret = hello.extension(ExtendedMasterSecretExtension.class).isPresent();
        if (!extendedMasterSecret && config.requireExtendedMasterSecret()) {
            throw new TlsAlertException(AlertDescription.handshake_failure,
                    "client did not offer extended_master_secret, which this server requires (RFC 7627)");
        }
    }

    /** RFC 8422 §5.1.2: a client that lists point formats must list uncompressed, the only one left. */
    private void checkPointFormats() throws TlsAlertException {
        Optional<EcPointFormatsExtension> formats = hello.extension(EcPointFormatsExtension.class);
        if (formats.isPresent() && !formats.get().formats().contains(EcPointFormat.uncompressed)) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "ec_point_formats without uncompressed");
        }
    }

    /**
     * Resumption by ticket (RFC 5077 §3.1), else by session ID (RFC 5246 §7.4.1.2): a live session
     * of this server whose suite the client still offers and we enable, with the same extended
     * master secret (RFC 7627 §5.3) and server name (RFC 6066 §3).
     */
    private Optional<Tls12Session> chooseSession() {
        Optional<SessionTicketExtension> ticketExtension = hello.extension(SessionTicketExtension.class);
        byte[] ticket = ticketExtension.map(SessionTicketExtension::ticket).orElse(new byte[0]);
        Optional<byte[]> ticketKey = config.sessions().ticketKey();
        issueTicket = ticketExtension.isPresent() && ticketKey.isPresent();
        long now = System.currentTimeMillis();
        String kind;
        Optional<Tls12Session> session;
        if (ticket.length > 0) {
            kind = "ticket";
            session = ticketKey.flatMap(key -> SessionTicket.open(crypto, key, ticket, hello.sessionId())).filter(s -> s.isValidAt(now));
        } else if (hello.sessionId().length > 0) {
            kind = "session_id";
            session = config.sessions().sessionById(hello.sessionId(), now);
        } else {
            return Optional.empty();
        }
        Map<String, List<String>> evidence = evidence("client.offered", List.of(kind));
        String refusal = session.isEmpty() ? "not a live session of this server"
                : !hello.cipherSuites().contains(session.get().cipherSuite()) || !enabledSuites.contains(session.get().cipherSuite())
                        ? "the session's cipher suite is no longer offered and enabled"
                : session.get().extendedMasterSecret() != extendedMasterSecret ? "extended_master_secret differs from the session's"
                : !Objects.equals(session.get().serverName(), view.serverNames().isEmpty() ? null : view.serverNames().get(0))
                        ? "server name differs from the session's"
                : null;
        if (refusal != null) {
            decide(Decision.chose(Subjects.RESUMPTION, "full_handshake", refusal, evidence));
            return Optional.empty();
        }
        decide(Decision.chose(Subjects.RESUMPTION, kind, "client offered a live session of this server by its "
                + kind.replace('_', ' '), evidence));
        issueTicket = false;
        return session;
    }

    /**
     * The server's first enabled suite the client offers for which its credentials hold a
     * certificate that can sign with one of the client's signature_algorithms the suite allows;
     * the scheme is the client's first such.
     */
    private void chooseCipherSuiteAndCredential() throws TlsAlertException {
        Map<String, List<String>> evidence = evidence("client.offered", Names.suites(hello.cipherSuites()),
                "server.enabled", Names.suites(enabledSuites));
        List<Integer> common = enabledSuites.stream().filter(hello.cipherSuites()::contains).collect(Collectors.toList());
        if (common.isEmpty()) {
            decide(Decision.none(Subjects.CIPHER_SUITE, "no common cipher suite", evidence));
            throw new TlsAlertException(AlertDescription.handshake_failure, "no common cipher suite: client offers "
                    + evidence.get("client.offered") + ", server enables " + evidence.get("server.enabled"));
        }
        Map<Tls12CipherSuite.Authentication, Optional<CertifiedKey>> byAuthentication = new EnumMap<>(Tls12CipherSuite.Authentication.class);
        List<Integer> local = localSignatureSchemes();
        Map<String, List<String>> schemeEvidence = evidence("client.signature_algorithms", Names.schemes(hello.signatureAlgorithms()),
                "server.signature_algorithms", Names.schemes(local));
        for (int code : common) {
            Tls12CipherSuite candidate = Tls12CipherSuite.byCode(code).orElseThrow();
            List<Integer> usable = hello.signatureAlgorithms().stream()
                    .filter(s -> local.contains(s) && candidate.authentication.allows(s)).collect(Collectors.toList());
            view.cipherSuite(code);
            Optional<CertifiedKey> key = byAuthentication.computeIfAbsent(candidate.authentication,
                    a -> credentials.serverCredential(usable, List.of(), view));
            Optional<Integer> scheme = key.filter(k -> onACurveTheClientSupports(k.key()))
                    .flatMap(k -> usable.stream().filter(s -> crypto.canSign(ProtocolVersion.TLSv1_2, s, k.key())).findFirst());
            if (scheme.isPresent()) {
                suite = candidate;
                credential = key.get();
                signatureScheme = scheme.get();
                decodeFor(suite);
                decide(Decision.chose(Subjects.CIPHER_SUITE, CipherSuite.name(code),
                        "server's first enabled suite the client offers that its certificate can serve", evidence));
                decide(Decision.chose(Subjects.CERTIFICATE, credential.leaf().getSubjectX500Principal().getName(),
                        "chosen by the server's credentials for " + suite.authentication + " and the client's signature_algorithms", schemeEvidence));
                decide(Decision.chose(Subjects.SIGNATURE_SCHEME, SignatureScheme.name(signatureScheme),
                        "first of the client's signature_algorithms the server key can sign", schemeEvidence));
                return;
            }
        }
        decide(Decision.none(Subjects.CERTIFICATE, "no server certificate for the common suites and the client's signature_algorithms",
                evidence("client.offered", Names.suites(hello.cipherSuites()), "server.enabled", Names.suites(enabledSuites),
                        "client.signature_algorithms", Names.schemes(hello.signatureAlgorithms()))));
        throw new TlsAlertException(AlertDescription.handshake_failure, "no server certificate can sign for "
                + Names.suites(common) + " with any of " + Names.schemes(hello.signatureAlgorithms()));
    }

    /**
     * In TLS 1.2 the client's supported_groups bound the curve of an ECDSA server key as well: a server must
     * not negotiate an ECC suite it cannot complete on the client's curves (RFC 8422 §5.1), and clients do
     * refuse such a certificate (openssl: "wrong curve"). An ECDSA key is on the curve whose TLS 1.3 scheme
     * it can sign; a client without supported_groups states no bound.
     */
    private boolean onACurveTheClientSupports(PrivateKey key) {
        List<Integer> offered = hello.supportedGroups();
        if (offered.isEmpty() || !crypto.canSign(ProtocolVersion.TLSv1_2, SignatureScheme.ecdsa_secp256r1_sha256, key)) {
            return true;
        }
        return (offered.contains(NamedGroup.secp256r1) && crypto.canSign(ProtocolVersion.TLSv1_3, SignatureScheme.ecdsa_secp256r1_sha256, key))
                || (offered.contains(NamedGroup.secp384r1) && crypto.canSign(ProtocolVersion.TLSv1_3, SignatureScheme.ecdsa_secp384r1_sha384, key));
    }

    /** The server's first enabled group the client supports (RFC 8422 §5.1.1). */
    private void chooseGroup() throws TlsAlertException {
        List<Integer> offered = hello.supportedGroups();
        Map<String, List<String>> evidence = evidence("client.groups", Names.groups(offered), "server.groups", Names.groups(enabledGroups));
        for (int g : enabledGroups) {
            if (offered.contains(g)) {
                group = g;
                decide(Decision.chose(Subjects.GROUP, NamedGroup.name(g), "server's first group the client supports", evidence));
                return;
            }
        }
        decide(Decision.none(Subjects.GROUP, "no common group", evidence));
        throw new TlsAlertException(AlertDescription.handshake_failure, "no common group: client supports "
                + evidence.get("client.groups") + ", server enables " + evidence.get("server.groups"));
    }

    private List<Extension> serverHelloExtensions(boolean resumed) {
        List<Extension> extensions = new ArrayList<>();
        if (!view.serverNames().isEmpty() && !resumed) {
            extensions.add(ServerNameExtension.acknowledgement());
        }
        extensions.add(new RenegotiationInfoExtension(new byte[0]));
        if (extendedMasterSecret) {
            extensions.add(new ExtendedMasterSecretExtension());
        }
        if (hello.extension(EcPointFormatsExtension.class).isPresent() && !resumed) {
            extensions.add(new EcPointFormatsExtension(List.of(EcPointFormat.uncompressed)));
        }
        view.applicationProtocol().ifPresent(p -> extensions.add(AlpnExtension.of(p)));
        if (recordSizeLimit > 0) {
            extensions.add(new RecordSizeLimitExtension(recordSizeLimit));
        }
        if (issueTicket) {
            extensions.add(new SessionTicketExtension(new byte[0]));
        }
        return extensions;
    }

    /** ServerHello, Certificate, ServerKeyExchange, [CertificateRequest], ServerHelloDone. */
    private void sendServerFlight() throws TlsAlertException {
        sessionId = new byte[32];
        crypto.random().nextBytes(sessionId);
        view.sessionId(sessionId);
        view.cipherSuite(suite.code());
        send(new ServerHello(ProtocolVersion.TLSv1_2, serverRandom, sessionId, suite.code(), 0, serverHelloExtensions(false)));
        send(certificateMessage(credential.chain()));
        view.localCertificates(credential.chain());
        keyShare = crypto.generateKeyShare(group);
        byte[] signature;
        try {
            signature = crypto.sign(ProtocolVersion.TLSv1_2, signatureScheme, credential.key(), signedParams(group, keyShare.publicKey()));
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.internal_error, "cannot sign with " + SignatureScheme.name(signatureScheme), e);
        }
        send(ServerKeyExchange.ecdhe(group, keyShare.publicKey(), signatureScheme, signature));
        requestClientCertificate();
        send(new ServerHelloDone());
        state = certificateRequest != null ? State.WAIT_CERTIFICATE : State.WAIT_CLIENT_KEY_EXCHANGE;
    }

    private void requestClientCertificate() {
        if (config.clientAuth() == ClientAuth.NONE) {
            return;
        }
        certificateRequest = CertificateRequest.tls12(ProtocolVersion.TLSv1_2,
                List.of(ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign), localSignatureSchemes(),
                config.certificateAuthorities().stream().map(X500Principal::getEncoded).collect(Collectors.toList()));
        decide(Decision.chose(Subjects.CLIENT_AUTHENTICATION, "requested", "client authentication is " + config.clientAuth().name(), Map.of()));
        send(certificateRequest);
    }

    /** RFC 5246 §7.3, abbreviated: ServerHello echoing the session ID, ChangeCipherSpec, Finished. */
    private void sendResumedFlight(Tls12Session session) throws TlsAlertException {
        suite = Tls12CipherSuite.byCode(session.cipherSuite()).orElseThrow();
        decodeFor(suite);
        sessionId = hello.sessionId();
        view.sessionId(sessionId);
        view.cipherSuite(suite.code());
        view.resumed(session.creationMillis());
        view.peerCertificates(session.peerCertificates());
        decide(Decision.chose(Subjects.CIPHER_SUITE, CipherSuite.name(suite.code()), "the resumed session's",
                evidence("client.offered", Names.suites(hello.cipherSuites()), "server.enabled", Names.suites(enabledSuites))));
        send(new ServerHello(ProtocolVersion.TLSv1_2, serverRandom, sessionId, suite.code(), 0, serverHelloExtensions(true)));
        resumeMasterSecret(session);
        sendChangeCipherSpec();
        send(finished());
        state = State.WAIT_CHANGE_CIPHER_SPEC;
    }

    private void readClientCertificate(Certificate certificate, HandshakeFrame frame) throws TlsAlertException {
        if (certificate.entries().isEmpty()) {
            if (config.clientAuth() == ClientAuth.NEED) {
                decide(Decision.none(Subjects.CLIENT_AUTHENTICATION, "client sent no certificate and the server needs one", Map.of()));
                // RFC 5246 §7.4.6: a server that requires client authentication answers an empty Certificate with handshake_failure
                throw new TlsAlertException(AlertDescription.handshake_failure, "client sent no certificate");
            }
            decide(Decision.chose(Subjects.CLIENT_AUTHENTICATION, "none", "client sent no certificate; the server only wants one", Map.of()));
            messages.add(frame.encode());
            state = State.WAIT_CLIENT_KEY_EXCHANGE;
            return;
        }
        List<X509Certificate> chain = PeerChain.parse(certificate);
        peerChain.verify(chain, chain.get(0).getPublicKey().getAlgorithm(), "client");
        clientLeaf = chain.get(0);
        messages.add(frame.encode());
        state = State.WAIT_CLIENT_KEY_EXCHANGE;
    }

    private void readClientKeyExchange(ClientKeyExchange exchange, HandshakeFrame frame) throws TlsAlertException {
        byte[] preMasterSecret;
        try {
            preMasterSecret = keyShare.sharedSecret(exchange.publicKey().orElseThrow());
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "invalid " + NamedGroup.name(group) + " public key from the client", e);
        }
        messages.add(frame.encode());
        deriveMasterSecret(preMasterSecret);
        state = clientLeaf != null ? State.WAIT_CERTIFICATE_VERIFY : State.WAIT_CHANGE_CIPHER_SPEC;
    }

    /** RFC 5246 §7.4.8: the client's signature over handshake_messages, with a scheme we requested. */
    private void readCertificateVerify(CertificateVerify verify, HandshakeFrame frame) throws TlsAlertException {
        int scheme = verify.signatureScheme().orElse(-1);
        if (!certificateRequest.signatureAlgorithms().contains(scheme)) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "CertificateVerify with " + SignatureScheme.name(scheme)
                    + ", which was not requested: " + Names.schemes(certificateRequest.signatureAlgorithms()));
        }
        if (!crypto.verify(ProtocolVersion.TLSv1_2, scheme, clientLeaf.getPublicKey(), messages.bytes(), verify.signature())) {
            throw new TlsAlertException(AlertDescription.decrypt_error, "CertificateVerify signature (" + SignatureScheme.name(scheme)
                    + ") does not verify with the key of " + clientLeaf.getSubjectX500Principal().getName());
        }
        decide(Decision.chose(Subjects.CLIENT_AUTHENTICATION, clientLeaf.getSubjectX500Principal().getName(),
                "client proved its key with " + SignatureScheme.name(scheme), Map.of()));
        messages.add(frame.encode());
        state = State.WAIT_CHANGE_CIPHER_SPEC;
    }

    @Override
    void changeCipherSpecReceived() throws TlsAlertException {
        if (state != State.WAIT_CHANGE_CIPHER_SPEC) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "ChangeCipherSpec out of order");
        }
        readWithPeerKeys();
        state = State.WAIT_FINISHED;
    }

    private void readClientFinished(Finished finished, HandshakeFrame frame) throws TlsAlertException {
        verifyFinished(finished);
        messages.add(frame.encode());
        if (!view.resumed()) {
            Tls12Session session = session(sessionId, new byte[0], SESSION_LIFETIME_SECONDS);
            if (issueTicket) {
                sendTicket(session);
            }
            sendChangeCipherSpec();
            send(finished());
            config.sessions().putSessionById(sessionId, session);
        }
        state = State.CONNECTED;
        established();
    }

    /** RFC 5077 §3.3: NewSessionTicket goes before the server's ChangeCipherSpec. */
    private void sendTicket(Tls12Session session) throws TlsAlertException {
        try {
            send(NewSessionTicket.tls12(SESSION_LIFETIME_SECONDS, SessionTicket.seal(crypto, config.sessions().ticketKey().orElseThrow(), session)));
        } catch (CertificateEncodingException e) {
            throw new TlsAlertException(AlertDescription.internal_error, "client certificate does not encode", e);
        }
    }

    @Override
    void handlePostHandshake(HandshakeFrame frame) throws SSLException {
        if (frame.type() == HandshakeType.client_hello) {
            receive(frame);
            throw new TlsAlertException(AlertDescription.no_renegotiation, "client asked to renegotiate; this server does not");
        }
        super.handlePostHandshake(frame);
    }
}
