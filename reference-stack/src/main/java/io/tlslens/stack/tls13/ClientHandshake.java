package io.tlslens.stack.tls13;

import static io.tlslens.stack.handshake.Evidence.evidence;
import static io.tlslens.stack.handshake.Extensions.checkNoDuplicates;

import io.tlslens.observe.Decision.Subjects;
import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.CertifiedKey;
import io.tlslens.stack.ResumptionTicket;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.TlsConfig;
import io.tlslens.stack.crypto.HashFunction;
import io.tlslens.stack.crypto.TlsCrypto.KeyShare;
import io.tlslens.stack.handshake.HandshakeState;
import io.tlslens.stack.handshake.PeerChain;
import io.tlslens.stack.record.RecordReader;
import io.tlslens.stack.record.RecordWriter;
import io.tlslens.stack.tls12.Tls12ClientOffer;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateRequest;
import io.tlslens.wire.CertificateVerify;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.CookieExtension;
import io.tlslens.wire.EarlyDataExtension;
import io.tlslens.wire.EncryptedExtensions;
import io.tlslens.wire.EndOfEarlyData;
import io.tlslens.wire.Extension;
import io.tlslens.wire.ExtensionType;
import io.tlslens.wire.Finished;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.KeyShareExtension.KeyShareEntry;
import io.tlslens.wire.KeyShareExtension;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.NewSessionTicket;
import io.tlslens.wire.PreSharedKeyExtension.PskIdentity;
import io.tlslens.wire.PreSharedKeyExtension;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.PskKeyExchangeMode;
import io.tlslens.wire.PskKeyExchangeModesExtension;
import io.tlslens.wire.RecordSizeLimitExtension;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.ServerNameExtension;
import io.tlslens.wire.SignatureAlgorithmsExtension;
import io.tlslens.wire.SignatureScheme;
import io.tlslens.wire.SupportedGroupsExtension;
import io.tlslens.wire.SupportedVersionsExtension;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.security.auth.x500.X500Principal;

/**
 * The TLS 1.3 client (RFC 8446 §A.1), read top to bottom as Go's handshake_client_tls13.go:
 * sendClientHello, processHelloRetryRequest, processServerHello, readEncryptedExtensions,
 * readCertificateRequest, readServerCertificate, readCertificateVerify, readServerFinished,
 * sendClientCertificate, sendClientFinished; then NewSessionTicket after the handshake.
 */
final class ClientHandshake extends Tls13Handshake {
    /** The states of RFC 8446 §A.1. */
    private enum State { START, WAIT_SH, WAIT_EE, WAIT_CERT_CR, WAIT_CERT, WAIT_CV, WAIT_FINISHED, CONNECTED }

    /** §4.1.3: the last 8 bytes of a TLS 1.3 server's random when it negotiates TLS 1.2, or TLS 1.1 and below. */
    private static final byte[] DOWNGRADE_TLS12 = "DOWNGRD\u0001".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOWNGRADE_TLS11 = "DOWNGRD\u0000".getBytes(StandardCharsets.US_ASCII);
    /** §4.6.1: servers MUST NOT use a ticket_lifetime over seven days. */
    private static final long MAX_TICKET_LIFETIME = 604800;
    /** Extensions that belong to the ClientHello and so are illegal in EncryptedExtensions. */
    private static final Set<Integer> NOT_IN_ENCRYPTED_EXTENSIONS = types(ExtensionType.key_share,
            ExtensionType.pre_shared_key, ExtensionType.supported_versions, ExtensionType.cookie,
            ExtensionType.psk_key_exchange_modes, ExtensionType.signature_algorithms,
            ExtensionType.signature_algorithms_cert, ExtensionType.certificate_authorities,
            ExtensionType.post_handshake_auth, ExtensionType.padding);

    private State state = State.START;
    private final byte[] random = new byte[32];
    private final byte[] sessionId;
    private final List<Integer> offeredSuites;
    private final List<Integer> offeredGroups;
    /** What the ClientHello offers for TLS 1.2 as well; null when it offers TLS 1.3 only. */
    private final Tls12ClientOffer tls12;
    private final List<Integer> offeredVersions;
    private final String sessionKey;
    private final Map<Integer, KeyShare> keyShares = new LinkedHashMap<>();
    private byte[] cookie;
    private boolean changeCipherSpecSent;

    private ResumptionTicket ticket;
    private EarlySecret ticketEarlySecret;
    private boolean earlyDataOffered;
    private boolean writingEarlyData;
    private boolean earlyDataAccepted;
    private long earlyDataLeft;

    private HandshakeSecret handshakeSecret;
    private TrafficSecret clientHandshakeSecret;
    private TrafficSecret serverHandshakeSecret;
    private boolean writingHandshakeKeys;
    private CertificateRequest certificateRequest;
    private X509Certificate serverLeaf;
    private ResumptionMasterSecret resumptionSecret;

    ClientHandshake(TlsConfig config, HandshakeObserver observer, RecordReader reader, RecordWriter writer,
            HandshakeState view, Tls12ClientOffer tls12) {
        super(config, observer, reader, writer, view);
        crypto.random().nextBytes(random);
        this.tls12 = tls12;
        this.offeredVersions = tls12 == null ? List.of(ProtocolVersion.TLSv1_3) : List.of(ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2);
        if (tls12 != null && tls12.sessionId().isPresent()) {
            // §4.1.2: legacy_session_id may carry a TLS 1.2 session to resume
            this.sessionId = tls12.sessionId().get();
        } else {
            // §D.4: a non-empty legacy_session_id turns on middlebox compatibility mode
            this.sessionId = new byte[config.middleboxCompatibility() ? 32 : 0];
            crypto.random().nextBytes(sessionId);
        }
        this.offeredSuites = config.cipherSuites().stream()
                .filter(s -> Tls13CipherSuite.byCode(s).isPresent() && crypto.supportsCipherSuite(s))
                .collect(Collectors.toList());
        this.offeredGroups = config.groups().stream().filter(crypto::supportsGroup).collect(Collectors.toList());
        this.sessionKey = !config.serverNames().isEmpty() ? config.serverNames().get(0)
                : config.peerHost() == null ? null : config.peerHost() + ":" + config.peerPort();
        view.serverNames(config.serverNames());
    }

    @Override
    void start() throws SSLException {
        if (offeredSuites.isEmpty()) {
            throw new TlsAlertException(AlertDescription.handshake_failure, "no TLS 1.3 cipher suite enabled: "
                    + Names.suites(config.cipherSuites()));
        }
        for (int group : config.keyShareGroups()) {
            if (offeredGroups.contains(group)) {
                keyShares.put(group, crypto.generateKeyShare(group));
            }
        }
        ticket = findTicket().orElse(null);
        earlyDataOffered = ticket != null && config.earlyData() && ticket.maxEarlyData() > 0
                && (ticket.applicationProtocol() == null || config.applicationProtocols().contains(ticket.applicationProtocol()));
        sendClientHello();
        if (earlyDataOffered) {
            sendEarlyDataKeys();
        }
        state = State.WAIT_SH;
    }

    private Optional<ResumptionTicket> findTicket() {
        if (sessionKey == null) {
            return Optional.empty();
        }
        return config.sessions().takeTicket(sessionKey, System.currentTimeMillis())
                .filter(t -> offeredSuites.contains(t.cipherSuite()));
    }

    private void sendClientHello() {
        ClientHello hello;
        if (ticket == null) {
            hello = clientHello(null, List.of());
        } else {
            // the age is taken once: the binder covers the identity, so both encodings must carry the same
            PskIdentity identity = new PskIdentity(ticket.ticket(), ticket.obfuscatedAge(System.currentTimeMillis()));
            hello = clientHello(identity, List.of(binder(identity)));
        }
        send(hello);
        if (tls12 != null && !helloRetry) {
            tls12.clientHelloSent(hello);
        }
    }

    /** The ClientHello, with {@code identity} and {@code binders} in its pre_shared_key when a ticket is offered. */
    private ClientHello clientHello(PskIdentity identity, List<byte[]> binders) {
        List<Extension> extensions = new ArrayList<>();
        if (!config.serverNames().isEmpty()) {
            extensions.add(ServerNameExtension.hostName(config.serverNames().get(0)));
        }
        extensions.add(SupportedVersionsExtension.offered(offeredVersions));
        extensions.add(new SupportedGroupsExtension(offeredGroups));
        extensions.add(new SignatureAlgorithmsExtension(localSignatureSchemes()));
        extensions.add(KeyShareExtension.clientShares(keyShares.values().stream()
                .map(k -> new KeyShareEntry(k.group(), k.publicKey())).collect(Collectors.toList())));
        if (!config.applicationProtocols().isEmpty()) {
            extensions.add(AlpnExtension.of(config.applicationProtocols().toArray(new String[0])));
        }
        if (config.recordSizeLimit() < RecordWriter.MAX_PLAINTEXT + 1) {
            extensions.add(new RecordSizeLimitExtension(config.recordSizeLimit()));
        }
        if (cookie != null) {
            extensions.add(new CookieExtension(cookie));
        }
        List<Integer> suites = offeredSuites;
        if (tls12 != null) {
            extensions.addAll(tls12.extensions());
            suites = new ArrayList<>(offeredSuites);
            suites.addAll(tls12.cipherSuites());
        }
        extensions.add(new PskKeyExchangeModesExtension(List.of(PskKeyExchangeMode.psk_dhe_ke)));
        if (earlyDataOffered && !helloRetry) {
            extensions.add(EarlyDataExtension.indication());
        }
        if (identity != null) {
            // §4.2.11: pre_shared_key is the last extension, so the binders end the message
            extensions.add(PreSharedKeyExtension.offered(List.of(identity), binders));
        }
        return new ClientHello(ProtocolVersion.TLSv1_2, random, sessionId, suites, List.of(0), extensions);
    }

    /** §4.2.11.2: the binder is a Finished over the transcript up to the ClientHello without its binders. */
    private byte[] binder(PskIdentity identity) {
        Tls13CipherSuite ticketSuite = Tls13CipherSuite.byCode(ticket.cipherSuite()).orElseThrow();
        HashFunction hash = ticketSuite.hash(crypto);
        ticketEarlySecret = new KeySchedule(crypto, ticketSuite, random, config.keyLog(), observer).withPsk(ticket.psk());
        byte[] placeholder = new byte[hash.length()];
        byte[] encoded = clientHello(identity, List.of(placeholder)).encode();
        int bindersLength = 2 + 1 + placeholder.length;
        byte[] truncated = Arrays.copyOf(encoded, encoded.length - bindersLength);
        return ticketEarlySecret.binder(EarlySecret.PskKind.RESUMPTION, transcript.hashWithPartialClientHello(hash, truncated));
    }

    /** 0-RTT (§2.3): early data goes under client_early_traffic_secret right after the ClientHello. */
    private void sendEarlyDataKeys() {
        sendChangeCipherSpecOnce();
        HashFunction hash = Tls13CipherSuite.byCode(ticket.cipherSuite()).orElseThrow().hash(crypto);
        // the server has not fixed the transcript hash yet: the ClientHello's hash under the ticket's
        byte[] clientHelloHash = transcript.hashWithPartialClientHello(hash, new byte[0]);
        writer.protect(RecordProtection.of(ticketEarlySecret.clientEarlyTrafficSecret(clientHelloHash)));
        writingEarlyData = true;
        earlyDataLeft = ticket.maxEarlyData();
        decide(Decision.chose(Subjects.EARLY_DATA, "offered", "the ticket allows " + ticket.maxEarlyData()
                + " bytes of early data and the client enabled it", Map.of()));
    }

    @Override
    void handle(HandshakeFrame frame) throws SSLException {
        switch (state) {
            case WAIT_SH:
                expect(frame, HandshakeType.server_hello);
                ServerHello hello = (ServerHello) receive(frame);
                if (hello.isHelloRetryRequest()) {
                    processHelloRetryRequest(hello, frame);
                } else {
                    processServerHello(hello, frame);
                }
                break;
            case WAIT_EE:
                expect(frame, HandshakeType.encrypted_extensions);
                readEncryptedExtensions((EncryptedExtensions) receive(frame), frame);
                break;
            case WAIT_CERT_CR:
                expect(frame, HandshakeType.certificate, HandshakeType.certificate_request);
                if (frame.type() == HandshakeType.certificate_request) {
                    readCertificateRequest((CertificateRequest) receive(frame), frame);
                } else {
                    readServerCertificate((Certificate) receive(frame), frame);
                }
                break;
            case WAIT_CERT:
                expect(frame, HandshakeType.certificate);
                readServerCertificate((Certificate) receive(frame), frame);
                break;
            case WAIT_CV:
                expect(frame, HandshakeType.certificate_verify);
                readCertificateVerify((CertificateVerify) receive(frame), frame);
                break;
            case WAIT_FINISHED:
                expect(frame, HandshakeType.finished);
                readServerFinished((Finished) receive(frame), frame);
                break;
            default:
                expect(frame);
        }
    }

    private void processHelloRetryRequest(ServerHello retry, HandshakeFrame frame) throws SSLException {
        if (helloRetry) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "a second HelloRetryRequest");
        }
        helloRetry = true;
        checkNoDuplicates(retry.extensions(), "HelloRetryRequest");
        checkAllowed(retry.extensions(), types(ExtensionType.supported_versions, ExtensionType.key_share, ExtensionType.cookie),
                "HelloRetryRequest");
        checkServerHelloFields(retry);
        OptionalInt selectedGroup = retry.keyShareGroup();
        Optional<CookieExtension> retryCookie = retry.extension(CookieExtension.class);
        if (selectedGroup.isEmpty() && retryCookie.isEmpty()) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "HelloRetryRequest that would not change the ClientHello");
        }
        if (selectedGroup.isPresent()) {
            int g = selectedGroup.getAsInt();
            if (!offeredGroups.contains(g) || keyShares.containsKey(g)) {
                throw new TlsAlertException(AlertDescription.illegal_parameter, "HelloRetryRequest asks for "
                        + NamedGroup.name(g) + ", not in supported_groups " + Names.groups(offeredGroups)
                        + " or already in key_share " + Names.groups(List.copyOf(keyShares.keySet())));
            }
            decide(Decision.chose(Subjects.HELLO_RETRY, NamedGroup.name(g), "server wants a key share for another group",
                    evidence("client.key_shares", Names.groups(List.copyOf(keyShares.keySet())),
                            "client.groups", Names.groups(offeredGroups))));
            keyShares.clear();
            keyShares.put(g, crypto.generateKeyShare(g));
        } else {
            decide(Decision.chose(Subjects.HELLO_RETRY, "cookie", "server asks for its cookie back", Map.of()));
        }
        cookie = retryCookie.map(CookieExtension::cookie).orElse(null);

        transcript.useHash(suite.hash(crypto));
        transcript.replaceClientHelloWithMessageHash();
        transcript.add(frame.encode());
        if (writingEarlyData) {
            // §4.1.2: no early data after a HelloRetryRequest; the second ClientHello goes in the clear
            writer.protect(null);
            writingEarlyData = false;
            earlyDataOffered = false;
            decide(Decision.chose(Subjects.EARLY_DATA, "rejected", "HelloRetryRequest: early data is never accepted after one", Map.of()));
        }
        if (ticket != null && !Tls13CipherSuite.byCode(ticket.cipherSuite()).orElseThrow().hashName().equals(suite.hashName())) {
            ticket = null;
        }
        sendChangeCipherSpecOnce();
        sendClientHello();
    }

    private void processServerHello(ServerHello hello, HandshakeFrame frame) throws SSLException {
        checkNoDuplicates(hello.extensions(), "ServerHello");
        Tls13CipherSuite retrySuite = suite;
        checkServerHelloFields(hello);
        checkAllowed(hello.extensions(), types(ExtensionType.supported_versions, ExtensionType.key_share, ExtensionType.pre_shared_key),
                "ServerHello");
        if (retrySuite != null && retrySuite.code() != hello.cipherSuite()) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "ServerHello cipher suite "
                    + CipherSuite.name(hello.cipherSuite()) + " differs from the HelloRetryRequest's " + CipherSuite.name(retrySuite.code()));
        }
        decide(Decision.chose(Subjects.VERSION, ProtocolVersion.name(ProtocolVersion.TLSv1_3), "selected by the server in supported_versions",
                evidence("client.offered", Names.versions(offeredVersions))));
        decide(Decision.chose(Subjects.CIPHER_SUITE, CipherSuite.name(suite.code()), "chosen by the server from the client's offer",
                evidence("client.offered", Names.suites(offeredSuites))));

        boolean resumed = checkPreSharedKey(hello);
        OptionalInt serverGroup = hello.keyShareGroup();
        if (serverGroup.isEmpty()) {
            throw new TlsAlertException(AlertDescription.missing_extension,
                    "ServerHello without key_share (the client offers psk_dhe_ke only)");
        }
        KeyShare share = keyShares.get(serverGroup.getAsInt());
        if (share == null) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "ServerHello key_share for "
                    + NamedGroup.name(serverGroup.getAsInt()) + ", which the client sent no share for");
        }
        group = share.group();
        decide(Decision.chose(Subjects.GROUP, NamedGroup.name(group), "the server's key share",
                evidence("client.key_shares", Names.groups(List.copyOf(keyShares.keySet())), "client.groups", Names.groups(offeredGroups))));
        byte[] shared;
        try {
            shared = share.sharedSecret(hello.extension(KeyShareExtension.class).orElseThrow().entries().get(0).keyExchange());
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "invalid " + NamedGroup.name(group) + " key share", e);
        }

        transcript.useHash(suite.hash(crypto));
        transcript.add(frame.encode());
        KeySchedule schedule = new KeySchedule(crypto, suite, random, config.keyLog(), observer);
        EarlySecret early = resumed ? schedule.withPsk(ticket.psk()) : schedule.withoutPsk();
        handshakeSecret = early.handshake(shared);
        byte[] helloHash = transcript.currentHash();
        clientHandshakeSecret = handshakeSecret.clientHandshakeTrafficSecret(helloHash);
        serverHandshakeSecret = handshakeSecret.serverHandshakeTrafficSecret(helloHash);
        reader.protect(RecordProtection.of(serverHandshakeSecret));
        if (!writingEarlyData) {
            writeWithHandshakeKeys();
        }
        view.version(ProtocolVersion.TLSv1_3);
        view.cipherSuite(suite.code());
        if (resumed) {
            view.resumed(ticket.issuedMillis());
        }
        state = State.WAIT_EE;
    }

    /** What ServerHello and HelloRetryRequest both must get right (§4.1.3, §4.1.4). */
    private void checkServerHelloFields(ServerHello hello) throws TlsAlertException {
        checkVersion(hello);
        if (!Arrays.equals(hello.sessionId(), sessionId)) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "legacy_session_id_echo does not echo the client's");
        }
        if (hello.compressionMethod() != 0) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "legacy_compression_method is not null");
        }
        if (!offeredSuites.contains(hello.cipherSuite())) {
            decide(Decision.none(Subjects.CIPHER_SUITE, "server chose a suite the client did not offer",
                    evidence("server.chose", List.of(CipherSuite.name(hello.cipherSuite())), "client.offered", Names.suites(offeredSuites))));
            throw new TlsAlertException(AlertDescription.illegal_parameter, "server chose " + CipherSuite.name(hello.cipherSuite())
                    + ", not offered: " + Names.suites(offeredSuites));
        }
        suite = Tls13CipherSuite.byCode(hello.cipherSuite()).orElseThrow();
    }

    /**
     * §4.1.3 and §4.2.1: a TLS 1.3 ServerHello selects 0x0304 in supported_versions; without it the
     * server negotiated TLS 1.2 or below, which is protocol_version for now, or illegal_parameter
     * when its random carries a downgrade sentinel.
     */
    private void checkVersion(ServerHello hello) throws TlsAlertException {
        Optional<SupportedVersionsExtension> versions = hello.extension(SupportedVersionsExtension.class);
        List<String> offered = Names.versions(offeredVersions);
        if (versions.isEmpty()) {
            byte[] random = hello.random();
            byte[] tail = Arrays.copyOfRange(random, 24, 32);
            if (Arrays.equals(tail, DOWNGRADE_TLS12) || Arrays.equals(tail, DOWNGRADE_TLS11)) {
                decide(Decision.none(Subjects.VERSION, "downgrade sentinel in a " + ProtocolVersion.name(hello.legacyVersion())
                        + " ServerHello: a TLS 1.3 server was forced down", evidence("client.offered", offered)));
                throw new TlsAlertException(AlertDescription.illegal_parameter, "ServerHello random carries the TLS 1.3 downgrade sentinel");
            }
            decide(Decision.none(Subjects.VERSION, "server selected " + ProtocolVersion.name(hello.legacyVersion()),
                    evidence("client.offered", offered, "server.selected", List.of(ProtocolVersion.name(hello.legacyVersion())))));
            throw new TlsAlertException(AlertDescription.protocol_version, "server selected "
                    + ProtocolVersion.name(hello.legacyVersion()) + "; the client offers " + offered);
        }
        int selected = versions.get().selectedVersion().orElse(-1);
        if (selected != ProtocolVersion.TLSv1_3 || hello.legacyVersion() != ProtocolVersion.TLSv1_2) {
            decide(Decision.none(Subjects.VERSION, "server selected a version the client did not offer",
                    evidence("client.offered", offered, "server.selected", List.of(ProtocolVersion.name(selected)))));
            throw new TlsAlertException(AlertDescription.illegal_parameter, "supported_versions selects "
                    + ProtocolVersion.name(selected) + ", not offered");
        }
    }

    /** Whether the server accepted the offered ticket; illegal_parameter for an index not offered (§4.2.11). */
    private boolean checkPreSharedKey(ServerHello hello) throws TlsAlertException {
        OptionalInt selected = hello.preSharedKeyIdentity();
        if (selected.isEmpty()) {
            if (ticket != null) {
                decide(Decision.chose(Subjects.RESUMPTION, "full_handshake", "server did not accept the ticket",
                        evidence("client.offered", List.of("ticket"))));
            }
            return false;
        }
        if (ticket == null || selected.getAsInt() != 0) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "server selected PSK identity "
                    + selected.getAsInt() + ", which was not offered");
        }
        if (!Tls13CipherSuite.byCode(ticket.cipherSuite()).orElseThrow().hashName().equals(suite.hashName())) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "resumption with "
                    + CipherSuite.name(suite.code()) + ", whose hash differs from the ticket's " + CipherSuite.name(ticket.cipherSuite()));
        }
        decide(Decision.chose(Subjects.RESUMPTION, "psk_dhe_ke", "server accepted the ticket", evidence("client.offered", List.of("ticket"))));
        view.peerCertificates(ticket.peerCertificates());
        view.localCertificates(ticket.localCertificates());
        return true;
    }

    private void readEncryptedExtensions(EncryptedExtensions extensions, HandshakeFrame frame) throws SSLException {
        checkNoDuplicates(extensions.extensions(), "EncryptedExtensions");
        Set<Integer> requested = types(ExtensionType.supported_groups);
        if (!config.serverNames().isEmpty()) {
            requested.add(ExtensionType.server_name);
        }
        if (!config.applicationProtocols().isEmpty()) {
            requested.add(ExtensionType.application_layer_protocol_negotiation);
        }
        if (config.recordSizeLimit() < RecordWriter.MAX_PLAINTEXT + 1) {
            requested.add(ExtensionType.record_size_limit);
        }
        if (earlyDataOffered) {
            requested.add(ExtensionType.early_data);
        }
        for (Extension e : extensions.extensions()) {
            if (NOT_IN_ENCRYPTED_EXTENSIONS.contains(e.type())) {
                throw new TlsAlertException(AlertDescription.illegal_parameter, e.name() + " is not allowed in EncryptedExtensions");
            }
            if (!requested.contains(e.type())) {
                throw new TlsAlertException(AlertDescription.unsupported_extension, e.name() + " in EncryptedExtensions was not requested");
            }
        }
        readApplicationProtocol(extensions);
        if (extensions.extension(ServerNameExtension.class).isPresent()) {
            decide(Decision.chose(Subjects.SERVER_NAME, config.serverNames().get(0), "acknowledged by the server",
                    evidence("client.server_name", config.serverNames())));
        }
        Optional<RecordSizeLimitExtension> limit = extensions.extension(RecordSizeLimitExtension.class);
        if (limit.isPresent()) {
            if (limit.get().limit() < 64) {
                throw new TlsAlertException(AlertDescription.illegal_parameter, "record_size_limit " + limit.get().limit() + " below 64");
            }
            writer.peerRecordSizeLimit(limit.get().limit());
            reader.recordSizeLimit(config.recordSizeLimit());
        }
        if (earlyDataOffered) {
            readEarlyDataAnswer(extensions.extension(EarlyDataExtension.class).isPresent());
        }
        transcript.add(frame.encode());
        state = view.resumed() ? State.WAIT_FINISHED : State.WAIT_CERT_CR;
    }

    /** RFC 7301 §3.1; early data stands only under the ticket's protocol (RFC 8446 §4.2.10). */
    private void readApplicationProtocol(EncryptedExtensions extensions) throws TlsAlertException {
        Optional<String> selected = alpn.selected(extensions.extension(AlpnExtension.class));
        if (selected.isEmpty()) {
            return;
        }
        if (ticket != null && earlyDataOffered && !selected.get().equals(ticket.applicationProtocol())
                && extensions.extension(EarlyDataExtension.class).isPresent()) {
            throw new TlsAlertException(AlertDescription.illegal_parameter,
                    "early data accepted with ALPN " + selected.get() + " other than the ticket's");
        }
        alpn.accept(selected.get());
    }

    private void readEarlyDataAnswer(boolean accepted) {
        earlyDataAccepted = accepted;
        decide(accepted
                ? Decision.chose(Subjects.EARLY_DATA, "accepted", "server accepted the early data", Map.of())
                : Decision.chose(Subjects.EARLY_DATA, "rejected", "server rejected the early data; it is lost", Map.of()));
        if (!accepted) {
            writingEarlyData = false;
            writeWithHandshakeKeys();
        }
    }

    private void readCertificateRequest(CertificateRequest request, HandshakeFrame frame) throws TlsAlertException {
        if (request.requestContext().length != 0) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "certificate_request_context not empty in the handshake");
        }
        checkNoDuplicates(request.extensions(), "CertificateRequest");
        if (request.extension(SignatureAlgorithmsExtension.class).isEmpty()) {
            throw new TlsAlertException(AlertDescription.missing_extension, "CertificateRequest without signature_algorithms");
        }
        view.peerSignatureSchemes(request.signatureAlgorithms());
        certificateRequest = request;
        transcript.add(frame.encode());
        state = State.WAIT_CERT;
    }

    private void readServerCertificate(Certificate certificate, HandshakeFrame frame) throws TlsAlertException {
        if (certificate.requestContext().length != 0) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "server Certificate with a certificate_request_context");
        }
        if (certificate.entries().isEmpty()) {
            throw new TlsAlertException(AlertDescription.decode_error, "server sent an empty Certificate");
        }
        List<X509Certificate> chain = PeerChain.parse(certificate);
        peerChain.verify(chain, "UNKNOWN", "server");
        serverLeaf = chain.get(0);
        transcript.add(frame.encode());
        state = State.WAIT_CV;
    }

    private void readCertificateVerify(CertificateVerify verify, HandshakeFrame frame) throws TlsAlertException {
        verifyCertificateVerify(verify, serverLeaf, localSignatureSchemes(), true);
        signatureScheme = verify.signatureScheme().getAsInt();
        decide(Decision.chose(Subjects.SIGNATURE_SCHEME, SignatureScheme.name(signatureScheme),
                "chosen by the server from the client's signature_algorithms", evidence("client.signature_algorithms",
                        Names.schemes(localSignatureSchemes()))));
        transcript.add(frame.encode());
        state = State.WAIT_FINISHED;
    }

    private void readServerFinished(Finished finished, HandshakeFrame frame) throws SSLException {
        verifyFinished(finished, serverHandshakeSecret);
        transcript.add(frame.encode());
        MasterSecret master = handshakeSecret.master();
        byte[] serverFinishedHash = transcript.currentHash();
        TrafficSecret clientApplication = master.clientApplicationTrafficSecret(serverFinishedHash);
        peerApplicationSecret(master.serverApplicationTrafficSecret(serverFinishedHash));
        view.exporter(master.exporterMasterSecret(serverFinishedHash)::export);
        if (earlyDataAccepted) {
            send(new EndOfEarlyData());
            writingEarlyData = false;
        }
        writeWithHandshakeKeys();
        sendChangeCipherSpecOnce();
        if (certificateRequest != null) {
            sendClientCertificate();
        }
        sendClientFinished();
        ownApplicationSecret(clientApplication);
        resumptionSecret = master.resumptionMasterSecret(transcript.currentHash());
        state = State.CONNECTED;
        established();
    }

    private void sendClientCertificate() throws TlsAlertException {
        List<Integer> accepted = certificateRequest.signatureAlgorithms().stream()
                .filter(s -> allowedInCertificateVerify(s) && localSignatureSchemes().contains(s)).collect(Collectors.toList());
        List<X500Principal> authorities = new ArrayList<>();
        for (byte[] name : certificateRequest.certificateAuthorities()) {
            try {
                authorities.add(new X500Principal(name));
            } catch (IllegalArgumentException e) {
                throw new TlsAlertException(AlertDescription.decode_error, "certificate_authorities holds a malformed name", e);
            }
        }
        Optional<CertifiedKey> credential = credentials.clientCredential(accepted, authorities, view);
        OptionalInt scheme = credential.isEmpty() ? OptionalInt.empty()
                : accepted.stream().filter(s -> crypto.canSign(s, credential.get().key())).mapToInt(Integer::intValue).findFirst();
        byte[] context = certificateRequest.requestContext();
        if (scheme.isEmpty()) {
            decide(Decision.none(Subjects.CLIENT_AUTHENTICATION, credential.isEmpty()
                    ? "no client certificate for the server's request" : "the client key can sign none of the server's schemes",
                    evidence("server.signature_algorithms", Names.schemes(certificateRequest.signatureAlgorithms()),
                            "server.certificate_authorities", authorities.stream().map(X500Principal::getName).collect(Collectors.toList()))));
            send(certificateMessage(context, List.of()));
            return;
        }
        decide(Decision.chose(Subjects.CLIENT_AUTHENTICATION, credential.get().leaf().getSubjectX500Principal().getName(),
                "client certificate chosen by its credentials for the server's request with "
                        + SignatureScheme.name(scheme.getAsInt()),
                evidence("server.signature_algorithms", Names.schemes(certificateRequest.signatureAlgorithms()))));
        send(certificateMessage(context, credential.get().chain()));
        view.localCertificates(credential.get().chain());
        send(certificateVerify(credential.get(), scheme.getAsInt(), false));
    }

    private void sendClientFinished() {
        send(finished(clientHandshakeSecret));
    }

    private void writeWithHandshakeKeys() {
        if (!writingHandshakeKeys) {
            writer.protect(RecordProtection.of(clientHandshakeSecret));
            writingHandshakeKeys = true;
        }
    }

    private void sendChangeCipherSpecOnce() {
        if (config.middleboxCompatibility() && !changeCipherSpecSent) {
            changeCipherSpec();
            changeCipherSpecSent = true;
        }
    }

    @Override
    boolean acceptsChangeCipherSpec() {
        return state != State.START && state != State.CONNECTED;
    }

    @Override
    long earlyDataAllowance() {
        return writingEarlyData ? earlyDataLeft : 0;
    }

    @Override
    void earlyDataSent(int bytes) {
        earlyDataLeft -= bytes;
    }

    @Override
    void handlePostHandshake(HandshakeFrame frame) throws SSLException {
        if (frame.type() != HandshakeType.new_session_ticket) {
            super.handlePostHandshake(frame);
            return;
        }
        NewSessionTicket ticket = (NewSessionTicket) receive(frame);
        if (ticket.lifetimeSeconds() > MAX_TICKET_LIFETIME) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "ticket_lifetime " + ticket.lifetimeSeconds() + "s exceeds 7 days");
        }
        if (ticket.lifetimeSeconds() == 0 || sessionKey == null) {
            return;
        }
        long maxEarlyData = ticket.extension(EarlyDataExtension.class).map(e -> e.maxEarlyDataSize().orElse(0)).orElse(0L);
        config.sessions().putTicket(sessionKey, new ResumptionTicket(ticket.ticket(), resumptionSecret.psk(ticket.nonce()),
                suite.code(), ticket.lifetimeSeconds(), ticket.ageAdd(), System.currentTimeMillis(), maxEarlyData,
                view.applicationProtocol().orElse(null), config.serverNames().isEmpty() ? null : config.serverNames().get(0),
                view.peerCertificates(), view.localCertificates()));
    }
}
