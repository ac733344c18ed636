package io.tlslens.stack.tls12;

import static io.tlslens.stack.handshake.Evidence.evidence;
import static io.tlslens.stack.handshake.Extensions.checkNoDuplicates;

import io.tlslens.observe.Decision.Subjects;
import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.CertifiedKey;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.TlsConfig;
import io.tlslens.stack.crypto.TlsCrypto.KeyShare;
import io.tlslens.stack.handshake.HandshakeState;
import io.tlslens.stack.handshake.PeerChain;
import io.tlslens.stack.tls13.Names;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateRequest;
import io.tlslens.wire.CertificateVerify;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ClientKeyExchange;
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
import io.tlslens.wire.ServerKeyExchange;
import io.tlslens.wire.ServerNameExtension;
import io.tlslens.wire.SessionTicketExtension;
import io.tlslens.wire.SignatureAlgorithmsExtension;
import io.tlslens.wire.SignatureScheme;
import io.tlslens.wire.SupportedGroupsExtension;
import io.tlslens.wire.SupportedVersionsExtension;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.security.auth.x500.X500Principal;

/**
 * The TLS 1.2 client (RFC 5246 §7.3), read top to bottom as Go's handshake_client.go:
 * sendClientHello, readServerHello (full or abbreviated), readServerCertificate,
 * readServerKeyExchange, readCertificateRequest, readServerHelloDone and sendClientFlight,
 * readNewSessionTicket, the server's ChangeCipherSpec, readServerFinished.
 */
final class Tls12ClientHandshake extends Tls12Handshake {
    private enum State {
        START, WAIT_SERVER_HELLO, WAIT_CERTIFICATE, WAIT_SERVER_KEY_EXCHANGE, WAIT_CERTIFICATE_REQUEST_OR_DONE,
        WAIT_SERVER_HELLO_DONE, WAIT_NEW_SESSION_TICKET, WAIT_CHANGE_CIPHER_SPEC, WAIT_FINISHED, CONNECTED
    }

    /** Null when the client enables no TLS 1.2 suite. */
    private final Tls12ClientOffer offer;
    private State state = State.START;
    private ClientHello hello;
    private Tls12Session offeredSession;
    private boolean ticketPromised;
    private byte[] newTicket;
    private long newTicketLifetime;
    private byte[] sessionId;
    private X509Certificate serverLeaf;
    private KeyShare keyShare;
    private byte[] serverPoint;
    private CertificateRequest certificateRequest;

    Tls12ClientHandshake(TlsConfig config, HandshakeObserver observer, Tls12RecordReader reader, Tls12RecordWriter writer,
            HandshakeState view, Tls12ClientOffer offer) {
        super(config, observer, reader, writer, view);
        this.offer = offer;
        view.serverNames(config.serverNames());
    }

    @Override
    void start() throws TlsAlertException {
        if (offer == null) {
            throw new TlsAlertException(AlertDescription.handshake_failure, "no TLS 1.2 cipher suite enabled: "
                    + Names.suites(config.cipherSuites()));
        }
        clientRandom = new byte[32];
        crypto.random().nextBytes(clientRandom);
        List<Extension> extensions = new ArrayList<>();
        if (!config.serverNames().isEmpty()) {
            extensions.add(ServerNameExtension.hostName(config.serverNames().get(0)));
        }
        extensions.add(new SupportedGroupsExtension(config.groups().stream().filter(crypto::supportsGroup).collect(Collectors.toList())));
        extensions.add(new SignatureAlgorithmsExtension(localSignatureSchemes()));
        if (!config.applicationProtocols().isEmpty()) {
            extensions.add(AlpnExtension.of(config.applicationProtocols().toArray(new String[0])));
        }
        if (config.recordSizeLimit() < Tls12RecordProtection.MAX_PLAINTEXT) {
            extensions.add(new RecordSizeLimitExtension(config.recordSizeLimit()));
        }
        extensions.addAll(offer.extensions());
        ClientHello clientHello = new ClientHello(ProtocolVersion.TLSv1_2, clientRandom, offer.sessionId().orElse(new byte[0]),
                offer.cipherSuites(), List.of(0), extensions);
        send(clientHello);
        offer.clientHelloSent(clientHello);
        continueFrom(clientHello);
    }

    /** Takes over after {@code sent}, the ClientHello a client offering TLS 1.3 too sent (already reported and written). */
    void continueAfter(ClientHello sent) {
        messages.add(sent.encode());
        clientRandom = sent.random();
        continueFrom(sent);
    }

    private void continueFrom(ClientHello sent) {
        hello = sent;
        offeredSession = offer.session().orElse(null);
        state = State.WAIT_SERVER_HELLO;
    }

    @Override
    void handle(HandshakeFrame frame) throws SSLException {
        if (frame.type() == HandshakeType.hello_request && state != State.START) {
            // RFC 5246 §7.4.1.1: ignored while a handshake is under way, and not part of handshake_messages
            receive(frame);
            return;
        }
        switch (state) {
            case WAIT_SERVER_HELLO:
                expect(frame, HandshakeType.server_hello);
                readServerHello((ServerHello) receive(frame), frame);
                break;
            case WAIT_CERTIFICATE:
                expect(frame, HandshakeType.certificate);
                readServerCertificate((Certificate) receive(frame), frame);
                break;
            case WAIT_SERVER_KEY_EXCHANGE:
                expect(frame, HandshakeType.server_key_exchange);
                readServerKeyExchange((ServerKeyExchange) receive(frame), frame);
                break;
            case WAIT_CERTIFICATE_REQUEST_OR_DONE:
                expect(frame, HandshakeType.certificate_request, HandshakeType.server_hello_done);
                if (frame.type() == HandshakeType.certificate_request) {
                    readCertificateRequest((CertificateRequest) receive(frame), frame);
                } else {
                    receive(frame);
                    readServerHelloDone(frame);
                }
                break;
            case WAIT_SERVER_HELLO_DONE:
                expect(frame, HandshakeType.server_hello_done);
                receive(frame);
                readServerHelloDone(frame);
                break;
            case WAIT_NEW_SESSION_TICKET:
                expect(frame, HandshakeType.new_session_ticket);
                readNewSessionTicket((NewSessionTicket) receive(frame), frame);
                break;
            case WAIT_FINISHED:
                expect(frame, HandshakeType.finished);
                readServerFinished((Finished) receive(frame), frame);
                break;
            default:
                expect(frame);
        }
    }

    private void readServerHello(ServerHello serverHello, HandshakeFrame frame) throws SSLException {
        serverRandom = serverHello.random();
        checkVersion(serverHello);
        if (serverHello.compressionMethod() != 0) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "compression_method is not null");
        }
        checkNoDuplicates(serverHello.extensions(), "ServerHello");
        Set<Integer> sent = hello.extensions().stream().map(Extension::type).collect(Collectors.toSet());
        for (Extension e : serverHello.extensions()) {
            if (!sent.contains(e.type())) {
                throw new TlsAlertException(AlertDescription.unsupported_extension, e.name() + " in the ServerHello was not offered");
            }
        }
        List<Integer> offeredSuites = offer.cipherSuites();
        if (!offeredSuites.contains(serverHello.cipherSuite())) {
            decide(Decision.none(Subjects.CIPHER_SUITE, "server chose a suite the client did not offer",
                    evidence("server.chose", List.of(CipherSuite.name(serverHello.cipherSuite())), "client.offered", Names.suites(offeredSuites))));
            throw new TlsAlertException(AlertDescription.illegal_parameter, "server chose " + CipherSuite.name(serverHello.cipherSuite())
                    + ", not offered: " + Names.suites(offeredSuites));
        }
        suite = Tls12CipherSuite.byCode(serverHello.cipherSuite()).orElseThrow();
        decide(Decision.chose(Subjects.CIPHER_SUITE, CipherSuite.name(suite.code()), "chosen by the server from the client's offer",
                evidence("client.offered", Names.suites(offeredSuites))));
        view.version(ProtocolVersion.TLSv1_2);
        view.cipherSuite(suite.code());
        checkRenegotiationInfo(serverHello);
        extendedMasterSecret = serverHello.extension(ExtendedMasterSecretExtension.class).isPresent();
        if (!extendedMasterSecret && config.requireExtendedMasterSecret()) {
            throw new TlsAlertException(AlertDescription.handshake_failure,
                    "server did not agree to extended_master_secret, which this client requires (RFC 7627)");
        }
        alpn.selected(serverHello.extension(AlpnExtension.class)).ifPresent(alpn::accept);
        if (serverHello.extension(ServerNameExtension.class).isPresent()) {
            decide(Decision.chose(Subjects.SERVER_NAME, config.serverNames().get(0), "acknowledged by the server",
                    evidence("client.server_name", config.serverNames())));
        }
        Optional<RecordSizeLimitExtension> limit = serverHello.extension(RecordSizeLimitExtension.class);
        if (limit.isPresent()) {
            applyRecordSizeLimit(limit.get());
        }
        ticketPromised = serverHello.extension(SessionTicketExtension.class).isPresent();
        sessionId = serverHello.sessionId();
        view.sessionId(sessionId);
        messages.add(frame.encode());
        if (resumes(serverHello)) {
            resumeMasterSecret(offeredSession);
            state = ticketPromised ? State.WAIT_NEW_SESSION_TICKET : State.WAIT_CHANGE_CIPHER_SPEC;
        } else {
            state = State.WAIT_CERTIFICATE;
        }
    }

    /**
     * The ServerHello of a TLS 1.2 server: legacy_version 1.2 (else protocol_version); a client that
     * enables TLS 1.3 too refuses the downgrade sentinel of RFC 8446 §4.1.3 with illegal_parameter.
     */
    private void checkVersion(ServerHello serverHello) throws TlsAlertException {
        List<String> offered = Names.versions(hello.supportedVersions().isEmpty()
                ? List.of(ProtocolVersion.TLSv1_2) : hello.supportedVersions());
        int version = serverHello.legacyVersion();
        if (serverHello.extension(SupportedVersionsExtension.class).isPresent() || version != ProtocolVersion.TLSv1_2) {
            int selected = serverHello.selectedVersion();
            decide(Decision.none(Subjects.VERSION, "server selected " + ProtocolVersion.name(selected),
                    evidence("client.offered", offered, "server.selected", List.of(ProtocolVersion.name(selected)))));
            throw new TlsAlertException(AlertDescription.protocol_version, "server selected " + ProtocolVersion.name(selected)
                    + "; the client offers " + offered);
        }
        byte[] tail = Arrays.copyOfRange(serverRandom, 24, 32);
        if (hello.supportedVersions().contains(ProtocolVersion.TLSv1_3)
                && (Arrays.equals(tail, DOWNGRADE_TLS12) || Arrays.equals(tail, DOWNGRADE_TLS11))) {
            decide(Decision.none(Subjects.VERSION, "downgrade sentinel in a TLS 1.2 ServerHello: a TLS 1.3 server was forced down",
                    evidence("client.offered", offered)));
            throw new TlsAlertException(AlertDescription.illegal_parameter, "ServerHello random carries the TLS 1.3 downgrade sentinel");
        }
        decide(Decision.chose(Subjects.VERSION, ProtocolVersion.name(ProtocolVersion.TLSv1_2),
                "selected by the server in legacy_version", evidence("client.offered", offered)));
    }

    /** RFC 5746 §3.4: the server must answer our empty renegotiation_info with an empty one. */
    private void checkRenegotiationInfo(ServerHello serverHello) throws TlsAlertException {
        Optional<RenegotiationInfoExtension> info = serverHello.extension(RenegotiationInfoExtension.class);
        if (info.isEmpty()) {
            throw new TlsAlertException(AlertDescription.handshake_failure,
                    "server does not support secure renegotiation (no renegotiation_info, RFC 5746)");
        }
        if (info.get().renegotiatedConnection().length != 0) {
            throw new TlsAlertException(AlertDescription.handshake_failure, "renegotiation_info not empty in a first handshake");
        }
    }

    /**
     * Whether the server resumes the offered session: it echoes the session ID we sent with it
     * (RFC 5246 §7.4.1.3; RFC 5077 §3.4 for a ticket). It must then keep the session's suite and
     * its extended master secret (RFC 7627 §5.3).
     */
    private boolean resumes(ServerHello serverHello) throws TlsAlertException {
        if (offeredSession == null) {
            return false;
        }
        String kind = offeredSession.ticket().length > 0 ? "ticket" : "session_id";
        Map<String, List<String>> evidence = evidence("client.offered", List.of(kind));
        if (sessionId.length == 0 || !Arrays.equals(sessionId, hello.sessionId())) {
            decide(Decision.chose(Subjects.RESUMPTION, "full_handshake", "server did not resume the offered session", evidence));
            return false;
        }
        if (offeredSession.cipherSuite() != suite.code()) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "server resumed with " + CipherSuite.name(suite.code())
                    + ", not the session's " + CipherSuite.name(offeredSession.cipherSuite()));
        }
        if (offeredSession.extendedMasterSecret() != extendedMasterSecret) {
            throw new TlsAlertException(AlertDescription.handshake_failure,
                    "server resumed a session without the same extended_master_secret (RFC 7627 §5.3)");
        }
        decide(Decision.chose(Subjects.RESUMPTION, kind, "server resumed the session by its " + kind.replace('_', ' '), evidence));
        view.resumed(offeredSession.creationMillis());
        view.peerCertificates(offeredSession.peerCertificates());
        view.localCertificates(offeredSession.localCertificates());
        return true;
    }

    private void readServerCertificate(Certificate certificate, HandshakeFrame frame) throws TlsAlertException {
        if (certificate.entries().isEmpty()) {
            throw new TlsAlertException(AlertDescription.decode_error, "server sent an empty Certificate");
        }
        List<X509Certificate> chain = PeerChain.parse(certificate);
        String keyAlgorithm = chain.get(0).getPublicKey().getAlgorithm();
        boolean ecdsaKey = keyAlgorithm.equals("EC") || keyAlgorithm.equals("Ed25519") || keyAlgorithm.equals("EdDSA");
        if (ecdsaKey != (suite.authentication == Tls12CipherSuite.Authentication.ECDSA)) {
            throw new TlsAlertException(AlertDescription.unsupported_certificate, "a " + keyAlgorithm + " certificate for "
                    + CipherSuite.name(suite.code()));
        }
        peerChain.verify(chain, suite.authentication.jsseAuthType, "server");
        serverLeaf = chain.get(0);
        messages.add(frame.encode());
        state = State.WAIT_SERVER_KEY_EXCHANGE;
    }

    /**
     * RFC 8422 §5.4: the server's ephemeral key on a group we offered, signed with a scheme we
     * offered that its suite allows; the signature covers both randoms and the parameters.
     */
    private void readServerKeyExchange(ServerKeyExchange exchange, HandshakeFrame frame) throws TlsAlertException {
        int namedGroup = exchange.namedGroup().orElse(-1);
        List<Integer> offeredGroups = hello.supportedGroups();
        if (!offeredGroups.contains(namedGroup) || !crypto.supportsGroup(namedGroup)) {
            decide(Decision.none(Subjects.GROUP, "server chose a group the client did not offer",
                    evidence("server.chose", List.of(NamedGroup.name(namedGroup)), "client.groups", Names.groups(offeredGroups))));
            throw new TlsAlertException(AlertDescription.illegal_parameter, "ServerKeyExchange on " + NamedGroup.name(namedGroup)
                    + ", not offered: " + Names.groups(offeredGroups));
        }
        int scheme = exchange.signatureScheme().orElse(-1);
        List<Integer> offeredSchemes = hello.signatureAlgorithms();
        if (!offeredSchemes.contains(scheme) || !suite.authentication.allows(scheme)) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "ServerKeyExchange signed with "
                    + SignatureScheme.name(scheme) + ", not offered for " + CipherSuite.name(suite.code()) + ": " + Names.schemes(offeredSchemes));
        }
        serverPoint = exchange.publicKey().orElseThrow();
        byte[] signed = signedParams(namedGroup, serverPoint);
        if (!crypto.verify(ProtocolVersion.TLSv1_2, scheme, serverLeaf.getPublicKey(), signed, exchange.signature().orElseThrow())) {
            throw new TlsAlertException(AlertDescription.decrypt_error, "ServerKeyExchange signature (" + SignatureScheme.name(scheme)
                    + ") does not verify with the " + serverLeaf.getPublicKey().getAlgorithm() + " key of "
                    + serverLeaf.getSubjectX500Principal().getName());
        }
        group = namedGroup;
        signatureScheme = scheme;
        decide(Decision.chose(Subjects.GROUP, NamedGroup.name(group), "chosen by the server from the client's supported_groups",
                evidence("client.groups", Names.groups(offeredGroups))));
        decide(Decision.chose(Subjects.SIGNATURE_SCHEME, SignatureScheme.name(scheme),
                "chosen by the server from the client's signature_algorithms", evidence("client.signature_algorithms", Names.schemes(offeredSchemes))));
        keyShare = crypto.generateKeyShare(group);
        messages.add(frame.encode());
        state = State.WAIT_CERTIFICATE_REQUEST_OR_DONE;
    }

    private void readCertificateRequest(CertificateRequest request, HandshakeFrame frame) {
        view.peerSignatureSchemes(request.signatureAlgorithms());
        certificateRequest = request;
        messages.add(frame.encode());
        state = State.WAIT_SERVER_HELLO_DONE;
    }

    /** RFC 5246 §7.3: [Certificate], ClientKeyExchange, [CertificateVerify], ChangeCipherSpec, Finished. */
    private void readServerHelloDone(HandshakeFrame frame) throws TlsAlertException {
        messages.add(frame.encode());
        Optional<CertifiedKey> credential = Optional.empty();
        OptionalInt clientScheme = OptionalInt.empty();
        if (certificateRequest != null) {
            credential = chooseClientCredential();
            clientScheme = credential.isEmpty() ? OptionalInt.empty() : OptionalInt.of(clientScheme(credential.get()));
            send(certificateMessage(credential.map(CertifiedKey::chain).orElse(List.of())));
            credential.ifPresent(c -> view.localCertificates(c.chain()));
        }
        send(ClientKeyExchange.ecdhe(keyShare.publicKey()));
        byte[] preMasterSecret;
        try {
            preMasterSecret = keyShare.sharedSecret(serverPoint);
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "invalid " + NamedGroup.name(group) + " public key from the server", e);
        }
        deriveMasterSecret(preMasterSecret);
        if (credential.isPresent()) {
            sendCertificateVerify(credential.get(), clientScheme.getAsInt());
        }
        sendChangeCipherSpec();
        send(finished());
        state = ticketPromised ? State.WAIT_NEW_SESSION_TICKET : State.WAIT_CHANGE_CIPHER_SPEC;
    }

    private Optional<CertifiedKey> chooseClientCredential() throws TlsAlertException {
        List<Integer> accepted = acceptedClientSchemes();
        List<X500Principal> authorities = new ArrayList<>();
        for (byte[] name : certificateRequest.certificateAuthorities()) {
            try {
                authorities.add(new X500Principal(name));
            } catch (IllegalArgumentException e) {
                throw new TlsAlertException(AlertDescription.decode_error, "certificate_authorities holds a malformed name", e);
            }
        }
        Optional<CertifiedKey> credential = credentials.clientCredential(accepted, authorities, view)
                .filter(c -> accepted.stream().anyMatch(s -> crypto.canSign(ProtocolVersion.TLSv1_2, s, c.key())));
        Map<String, List<String>> evidence = evidence("server.signature_algorithms", Names.schemes(certificateRequest.signatureAlgorithms()),
                "server.certificate_authorities", authorities.stream().map(X500Principal::getName).collect(Collectors.toList()));
        if (credential.isEmpty()) {
            decide(Decision.none(Subjects.CLIENT_AUTHENTICATION, "no client certificate for the server's request", evidence));
        } else {
            decide(Decision.chose(Subjects.CLIENT_AUTHENTICATION, credential.get().leaf().getSubjectX500Principal().getName(),
                    "client certificate chosen by its credentials for the server's request", evidence));
        }
        return credential;
    }

    /** The server's schemes that we enable too. */
    private List<Integer> acceptedClientSchemes() {
        List<Integer> local = localSignatureSchemes();
        return certificateRequest.signatureAlgorithms().stream().filter(local::contains).collect(Collectors.toList());
    }

    private int clientScheme(CertifiedKey credential) {
        return acceptedClientSchemes().stream().filter(s -> crypto.canSign(ProtocolVersion.TLSv1_2, s, credential.key()))
                .findFirst().orElseThrow();
    }

    /** RFC 5246 §7.4.8: a signature over handshake_messages so far. */
    private void sendCertificateVerify(CertifiedKey credential, int scheme) throws TlsAlertException {
        try {
            send(CertificateVerify.of(scheme, crypto.sign(ProtocolVersion.TLSv1_2, scheme, credential.key(), messages.bytes())));
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.internal_error, "cannot sign with " + SignatureScheme.name(scheme), e);
        }
    }

    /** RFC 5077 §3.3: the ticket for this session, sent before the server's ChangeCipherSpec. */
    private void readNewSessionTicket(NewSessionTicket ticket, HandshakeFrame frame) {
        newTicket = ticket.ticket();
        newTicketLifetime = ticket.lifetimeSeconds() == 0 ? SESSION_LIFETIME_SECONDS
                : Math.min(ticket.lifetimeSeconds(), SESSION_LIFETIME_SECONDS);
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

    private void readServerFinished(Finished finished, HandshakeFrame frame) throws TlsAlertException {
        verifyFinished(finished);
        messages.add(frame.encode());
        if (view.resumed()) {
            sendChangeCipherSpec();
            send(finished());
        }
        state = State.CONNECTED;
        established();
        keepSession();
    }

    /** A full handshake's session, or a resumed one with its new ticket, for the next connection to this server. */
    private void keepSession() {
        if (offer.sessionKey() == null || (view.resumed() && newTicket == null)) {
            return;
        }
        byte[] ticket = newTicket != null ? newTicket : new byte[0];
        if (ticket.length == 0 && sessionId.length == 0) {
            return;
        }
        config.sessions().putSession(offer.sessionKey(), session(sessionId, ticket,
                newTicket != null ? newTicketLifetime : SESSION_LIFETIME_SECONDS));
    }

    @Override
    void handlePostHandshake(HandshakeFrame frame) throws SSLException {
        if (frame.type() == HandshakeType.hello_request) {
            receive(frame);
            throw new TlsAlertException(AlertDescription.no_renegotiation, "server asked to renegotiate; this client does not");
        }
        super.handlePostHandshake(frame);
    }
}
