package io.tlslens.stack.tls13;

import static io.tlslens.stack.handshake.Evidence.evidence;
import static io.tlslens.stack.handshake.Extensions.checkNoDuplicates;

import io.tlslens.observe.Decision.Subjects;
import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.CertifiedKey;
import io.tlslens.stack.ClientAuth;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.TlsConfig;
import io.tlslens.stack.crypto.HashFunction;
import io.tlslens.stack.crypto.TlsCrypto.KeyShare;
import io.tlslens.stack.handshake.HandshakeState;
import io.tlslens.stack.handshake.PeerChain;
import io.tlslens.stack.handshake.ServerNameChoice;
import io.tlslens.stack.record.RecordReader;
import io.tlslens.stack.record.RecordWriter;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateAuthoritiesExtension;
import io.tlslens.wire.CertificateRequest;
import io.tlslens.wire.CertificateVerify;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.CookieExtension;
import io.tlslens.wire.EarlyDataExtension;
import io.tlslens.wire.EncryptedExtensions;
import io.tlslens.wire.Extension;
import io.tlslens.wire.ExtensionType;
import io.tlslens.wire.Finished;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.KeyShareExtension.KeyShareEntry;
import io.tlslens.wire.KeyShareExtension;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.NewSessionTicket;
import io.tlslens.wire.PreSharedKeyExtension;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.PskKeyExchangeMode;
import io.tlslens.wire.PskKeyExchangeModesExtension;
import io.tlslens.wire.RecordSizeLimitExtension;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.ServerNameExtension;
import io.tlslens.wire.SignatureAlgorithmsCertExtension;
import io.tlslens.wire.SignatureAlgorithmsExtension;
import io.tlslens.wire.SignatureScheme;
import io.tlslens.wire.SupportedVersionsExtension;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.security.auth.x500.X500Principal;

/**
 * The TLS 1.3 server (RFC 8446 §A.2): processClientHello (negotiating version, cipher suite,
 * server name, key share or HelloRetryRequest, PSK, ALPN, early data and certificate), then
 * sendServerFlight; readEndOfEarlyData, readClientCertificate, readClientCertificateVerify,
 * readClientFinished; and NewSessionTickets once the client is authenticated.
 */
final class ServerHandshake extends Tls13Handshake {
    /** The states of RFC 8446 §A.2 that wait for the peer (RECVD_CH and NEGOTIATED pass within one call). */
    private enum State { START, WAIT_SECOND_CH, WAIT_EOED, WAIT_CERT, WAIT_CV, WAIT_FINISHED, CONNECTED }

    /** Ticket lifetime: SunJSSE's default of 24 hours, well under the 7 days of §4.6.1. */
    private static final long TICKET_LIFETIME_SECONDS = 86400;
    /** How far the client's idea of the ticket age may be off for early data to be accepted (§8.3). */
    private static final long MAX_TICKET_AGE_SKEW_MILLIS = 10_000;

    private State state = State.START;
    private final byte[] random = new byte[32];
    private final byte[] cookieKey;
    private final HashFunction sha256;
    private final List<Integer> enabledSuites;
    private final List<Integer> enabledGroups;
    private boolean changeCipherSpecSent;
    private int retryGroup = -1;

    private HandshakeSecret handshakeSecret;
    private TrafficSecret clientHandshakeSecret;
    private TrafficSecret clientApplicationSecret;
    private MasterSecret masterSecret;
    private long maxEarlyDataReceivable;
    private long earlyDataReceived;
    private CertificateRequest certificateRequest;
    private X509Certificate clientLeaf;
    private String applicationProtocol;

    ServerHandshake(TlsConfig config, HandshakeObserver observer, RecordReader reader, RecordWriter writer,
            HandshakeState view) {
        super(config, observer, reader, writer, view);
        crypto.random().nextBytes(random);
        this.sha256 = crypto.hash("SHA-256");
        // a server with a ticket key can continue from its own cookies on any connection; without
        // one, the cookie is for this connection only
        byte[] key = config.sessions().ticketKey().orElseGet(() -> {
            byte[] k = new byte[32];
            crypto.random().nextBytes(k);
            return k;
        });
        this.cookieKey = sha256.hmac(key, "tlslens hello retry cookie".getBytes(StandardCharsets.US_ASCII));
        this.enabledSuites = config.cipherSuites().stream()
                .filter(s -> Tls13CipherSuite.byCode(s).isPresent() && crypto.supportsCipherSuite(s))
                .collect(Collectors.toList());
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
            case WAIT_SECOND_CH:
                expect(frame, HandshakeType.client_hello);
                processClientHello((ClientHello) receive(frame), frame);
                break;
            case WAIT_EOED:
                expect(frame, HandshakeType.end_of_early_data);
                receive(frame);
                readEndOfEarlyData(frame);
                break;
            case WAIT_CERT:
                expect(frame, HandshakeType.certificate);
                readClientCertificate((Certificate) receive(frame), frame);
                break;
            case WAIT_CV:
                expect(frame, HandshakeType.certificate_verify);
                readClientCertificateVerify((CertificateVerify) receive(frame), frame);
                break;
            case WAIT_FINISHED:
                expect(frame, HandshakeType.finished);
                readClientFinished((Finished) receive(frame), frame);
                break;
            default:
                expect(frame);
        }
    }

    private void processClientHello(ClientHello hello, HandshakeFrame frame) throws SSLException {
        checkClientHelloShape(hello);
        negotiateVersion(hello);
        if (state == State.WAIT_SECOND_CH) {
            resumeFromCookie(hello);
        }
        reader.skipClearApplicationData(false);
        suite = chooseCipherSuite(hello);
        view.version(ProtocolVersion.TLSv1_3);
        view.cipherSuite(suite.code());
        view.peerSignatureSchemes(hello.signatureAlgorithms());
        Optional<Decision> serverName = ServerNameChoice.accept(config, hello, view, observer);
        if (state == State.START) { // the ClientHello after a HelloRetryRequest repeats the name
            serverName.ifPresent(this::decide);
        }
        checkKeyExchangeExtensions(hello);
        Optional<KeyShareEntry> share = chooseKeyShare(hello);
        if (share.isEmpty()) {
            sendHelloRetryRequest(hello, frame);
            return;
        }
        transcript.useHash(suite.hash(crypto));
        Optional<AcceptedPsk> psk = choosePsk(hello);
        transcript.add(frame.encode());
        psk.ifPresent(accepted -> view.resumed(accepted.ticket.issuedMillis));
        alpn.choose(hello).ifPresent(chosen -> applicationProtocol = chosen);
        boolean earlyData = chooseEarlyData(hello, psk);
        Optional<CertifiedKey> credential = psk.isPresent() ? Optional.empty() : Optional.of(chooseCredential(hello));
        sendServerFlight(hello, share.get(), psk, earlyData, credential);
    }

    /** §4.1.2 and §4.2: what every ClientHello must get right before anything is negotiated. */
    private void checkClientHelloShape(ClientHello hello) throws TlsAlertException {
        checkNoDuplicates(hello.extensions(), "ClientHello");
        List<Extension> extensions = hello.extensions();
        for (int i = 0; i < extensions.size() - 1; i++) {
            if (extensions.get(i).type() == ExtensionType.pre_shared_key) {
                throw new TlsAlertException(AlertDescription.illegal_parameter, "pre_shared_key is not the last extension");
            }
        }
        if (!hello.compressionMethods().equals(List.of(0))) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "legacy_compression_methods is not [null]");
        }
        if (state == State.WAIT_SECOND_CH && hello.extension(EarlyDataExtension.class).isPresent()) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "early_data in the ClientHello after a HelloRetryRequest");
        }
    }

    /** §4.2.1: TLS 1.3 is negotiated through supported_versions only; a client without it is TLS 1.2 or older. */
    private void negotiateVersion(ClientHello hello) throws TlsAlertException {
        List<Integer> offered = hello.supportedVersions();
        Map<String, List<String>> evidence = evidence("client.versions", offered.isEmpty()
                ? List.of(ProtocolVersion.name(hello.legacyVersion()) + " (legacy_version, no supported_versions)")
                : Names.versions(offered), "server.versions", Names.versions(config.versions()));
        if (!offered.contains(ProtocolVersion.TLSv1_3) || !config.versions().contains(ProtocolVersion.TLSv1_3)) {
            decide(Decision.none(Subjects.VERSION, "no common protocol version", evidence));
            throw new TlsAlertException(AlertDescription.protocol_version, "no common protocol version: client offers "
                    + evidence.get("client.versions") + ", server enables " + evidence.get("server.versions"));
        }
        if (state == State.START) {
            decide(Decision.chose(Subjects.VERSION, ProtocolVersion.name(ProtocolVersion.TLSv1_3),
                    "highest version both enable", evidence));
        }
    }

    private Tls13CipherSuite chooseCipherSuite(ClientHello hello) throws TlsAlertException {
        Map<String, List<String>> evidence = evidence("client.offered", Names.suites(hello.cipherSuites()),
                "server.enabled", Names.suites(enabledSuites));
        for (int s : enabledSuites) {
            if (hello.cipherSuites().contains(s)) {
                if (suite != null && suite.code() != s) {
                    throw new TlsAlertException(AlertDescription.illegal_parameter,
                            "second ClientHello no longer allows the HelloRetryRequest's " + CipherSuite.name(suite.code()));
                }
                if (state == State.START) {
                    decide(Decision.chose(Subjects.CIPHER_SUITE, CipherSuite.name(s), "server's first enabled suite the client offers", evidence));
                }
                return Tls13CipherSuite.byCode(s).orElseThrow();
            }
        }
        decide(Decision.none(Subjects.CIPHER_SUITE, "no common cipher suite", evidence));
        throw new TlsAlertException(AlertDescription.handshake_failure, "no common cipher suite: client offers "
                + evidence.get("client.offered") + ", server enables " + evidence.get("server.enabled"));
    }

    /** §9.2: this server does (EC)DHE always, so key_share and supported_groups are mandatory. */
    private void checkKeyExchangeExtensions(ClientHello hello) throws TlsAlertException {
        if (hello.extension(KeyShareExtension.class).isEmpty()) {
            throw new TlsAlertException(AlertDescription.missing_extension, "ClientHello without key_share");
        }
        if (hello.supportedGroups().isEmpty()) {
            throw new TlsAlertException(AlertDescription.missing_extension, "ClientHello without supported_groups");
        }
        if (hello.extension(PreSharedKeyExtension.class).isPresent()
                && hello.extension(PskKeyExchangeModesExtension.class).isEmpty()) {
            throw new TlsAlertException(AlertDescription.missing_extension, "pre_shared_key without psk_key_exchange_modes");
        }
    }

    /**
     * The client's first key share in a group the server enables; empty when a HelloRetryRequest is
     * to ask for another group.
     */
    private Optional<KeyShareEntry> chooseKeyShare(ClientHello hello) throws TlsAlertException {
        List<KeyShareEntry> shares = hello.extension(KeyShareExtension.class).orElseThrow().entries();
        Map<String, List<String>> evidence = evidence("client.key_shares", Names.groups(hello.keyShareGroups()),
                "client.groups", Names.groups(hello.supportedGroups()), "server.groups", Names.groups(enabledGroups));
        if (retryGroup >= 0) {
            if (shares.size() != 1 || shares.get(0).group() != retryGroup) {
                throw new TlsAlertException(AlertDescription.illegal_parameter, "second ClientHello's key_share "
                        + Names.groups(hello.keyShareGroups()) + " is not the requested " + NamedGroup.name(retryGroup));
            }
            group = retryGroup;
            decide(Decision.chose(Subjects.GROUP, NamedGroup.name(group), "the key share the HelloRetryRequest asked for", evidence));
            return Optional.of(shares.get(0));
        }
        for (KeyShareEntry share : shares) {
            if (enabledGroups.contains(share.group()) && hello.supportedGroups().contains(share.group())) {
                group = share.group();
                decide(Decision.chose(Subjects.GROUP, NamedGroup.name(group), "first client key share the server supports", evidence));
                return Optional.of(share);
            }
        }
        for (int g : enabledGroups) {
            if (hello.supportedGroups().contains(g)) {
                retryGroup = g;
                decide(Decision.chose(Subjects.HELLO_RETRY, NamedGroup.name(g),
                        "no client key share the server supports: server's first group the client supports", evidence));
                return Optional.empty();
            }
        }
        decide(Decision.none(Subjects.GROUP, "no common group", evidence));
        throw new TlsAlertException(AlertDescription.handshake_failure, "no common group: client supports "
                + evidence.get("client.groups") + ", server enables " + evidence.get("server.groups"));
    }

    /**
     * §4.1.4: asks for a key share in {@link #retryGroup}. The transcript goes on from
     * message_hash(ClientHello1), which the cookie carries, so the second ClientHello can be
     * processed from the cookie alone.
     */
    private void sendHelloRetryRequest(ClientHello hello, HandshakeFrame frame) throws TlsAlertException {
        transcript.useHash(suite.hash(crypto));
        transcript.add(frame.encode());
        byte[] clientHelloHash = transcript.currentHash();
        byte[] cookie = new RetryCookie(suite.code(), retryGroup, clientHelloHash).seal(sha256, cookieKey);
        transcript.replaceClientHelloWithMessageHash();
        send(helloRetryRequest(hello.sessionId(), cookie));
        helloRetry = true;
        sendChangeCipherSpecOnce(hello);
        // early data sent with the first ClientHello can never be accepted now; skip it (§4.2.10)
        reader.skipClearApplicationData(hello.extension(EarlyDataExtension.class).isPresent());
        if (hello.extension(EarlyDataExtension.class).isPresent()) {
            decide(Decision.chose(Subjects.EARLY_DATA, "rejected", "HelloRetryRequest: early data is never accepted after one", Map.of()));
        }
        state = State.WAIT_SECOND_CH;
    }

    private ServerHello helloRetryRequest(byte[] sessionId, byte[] cookie) {
        return new ServerHello(ProtocolVersion.TLSv1_2, ServerHello.helloRetryRequestRandom(), sessionId, suite.code(), 0,
                List.of(SupportedVersionsExtension.selected(ProtocolVersion.TLSv1_3), KeyShareExtension.selectedGroup(retryGroup),
                        new CookieExtension(cookie)));
    }

    /** The second ClientHello: the transcript is rebuilt from the echoed cookie, which must be ours and intact. */
    private void resumeFromCookie(ClientHello hello) throws TlsAlertException {
        Optional<CookieExtension> echoed = hello.extension(CookieExtension.class);
        if (echoed.isEmpty()) {
            throw new TlsAlertException(AlertDescription.missing_extension, "second ClientHello without the cookie");
        }
        RetryCookie cookie = RetryCookie.open(sha256, cookieKey, echoed.get().cookie()).orElseThrow(() ->
                new TlsAlertException(AlertDescription.illegal_parameter, "HelloRetryRequest cookie does not verify"));
        Tls13CipherSuite cookieSuite = Tls13CipherSuite.byCode(cookie.cipherSuite).orElseThrow(() ->
                new TlsAlertException(AlertDescription.illegal_parameter, "HelloRetryRequest cookie names an unknown suite"));
        suite = cookieSuite;
        retryGroup = cookie.group;
        HashFunction hash = suite.hash(crypto);
        transcript = new Transcript(hash);
        transcript.add(messageHash(cookie.clientHelloHash));
        transcript.add(helloRetryRequest(hello.sessionId(), echoed.get().cookie()));
    }

    /** §4.4.1: the synthetic message_hash message that stands for ClientHello1. */
    private static byte[] messageHash(byte[] clientHelloHash) {
        byte[] message = new byte[4 + clientHelloHash.length];
        message[0] = (byte) 254;
        message[3] = (byte) clientHelloHash.length;
        System.arraycopy(clientHelloHash, 0, message, 4, clientHelloHash.length);
        return message;
    }

    /** A ticket of ours that the client offered, with its verified binder. */
    private static final class AcceptedPsk {
        final ServerTicket ticket;
        /** The identity's position in the offer, echoed as selected_identity. */
        final int index;
        /** How far the client's ticket age (from obfuscated_ticket_age) is from the server's. */
        final long ageSkewMillis;
        final EarlySecret earlySecret;

        AcceptedPsk(ServerTicket ticket, int index, long ageSkewMillis, EarlySecret earlySecret) {
            this.ticket = ticket;
            this.index = index;
            this.ageSkewMillis = ageSkewMillis;
            this.earlySecret = earlySecret;
        }
    }

    /**
     * §4.2.11: resumes the first offered identity that is a live ticket of ours for a suite with the
     * negotiated hash, once its binder verifies (decrypt_error when it does not).
     */
    private Optional<AcceptedPsk> choosePsk(ClientHello hello) throws TlsAlertException {
        Optional<PreSharedKeyExtension> offered = hello.extension(PreSharedKeyExtension.class);
        Optional<byte[]> key = config.sessions().ticketKey();
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> evidence = evidence("client.psk_identities", List.of(String.valueOf(offered.get().identities().size())));
        boolean dheAllowed = hello.extension(PskKeyExchangeModesExtension.class).map(PskKeyExchangeModesExtension::modes)
                .orElse(List.of()).contains(PskKeyExchangeMode.psk_dhe_ke);
        if (key.isEmpty() || !dheAllowed) {
            decide(Decision.chose(Subjects.RESUMPTION, "full_handshake", key.isEmpty() ? "server keeps no tickets"
                    : "client does not allow psk_dhe_ke", evidence));
            return Optional.empty();
        }
        if (offered.get().identities().size() != offered.get().binders().size()) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "pre_shared_key with unequal identities and binders");
        }
        long now = System.currentTimeMillis();
        for (int i = 0; i < offered.get().identities().size(); i++) {
            PreSharedKeyExtension.PskIdentity identity = offered.get().identities().get(i);
            Optional<ServerTicket> ticket = ServerTicket.open(crypto, key.get(), identity.identity());
            if (ticket.isEmpty()) {
                continue;
            }
            ServerTicket t = ticket.get();
            Optional<Tls13CipherSuite> ticketSuite = Tls13CipherSuite.byCode(t.cipherSuite);
            long age = now - t.issuedMillis;
            if (ticketSuite.isEmpty() || !ticketSuite.get().hashName().equals(suite.hashName()) || age < 0
                    || age >= t.lifetimeSeconds * 1000) {
                continue;
            }
            EarlySecret early = new KeySchedule(crypto, suite, hello.random(), config.keyLog(), observer).withPsk(t.psk);
            checkBinder(hello, i, offered.get(), early);
            // only a bound identity counts as used: a forged offer cannot spend someone else's ticket
            if (config.maxEarlyData() > 0 && !config.sessions().markUsed(identity.identity())) {
                decide(Decision.chose(Subjects.RESUMPTION, "full_handshake", "ticket already used (single use with early data on)", evidence));
                return Optional.empty();
            }
            decide(Decision.chose(Subjects.RESUMPTION, "psk_dhe_ke", "client offered a live ticket of this server", evidence));
            view.peerCertificates(t.clientCertificates);
            long clientAge = (identity.obfuscatedTicketAge() - t.ageAdd) & 0xFFFFFFFFL;
            return Optional.of(new AcceptedPsk(t, i, Math.abs(clientAge - age), early));
        }
        decide(Decision.chose(Subjects.RESUMPTION, "full_handshake", "no offered ticket is a live one of this server for "
                + suite.hashName(), evidence));
        return Optional.empty();
    }

    /** §4.2.11.2: the binder covers the transcript up to this ClientHello without its binders list. */
    private void checkBinder(ClientHello hello, int index, PreSharedKeyExtension offered, EarlySecret early) throws TlsAlertException {
        byte[] encoded = hello.encode();
        int bindersLength = 2;
        for (byte[] binder : offered.binders()) {
            bindersLength += 1 + binder.length;
        }
        byte[] truncated = Arrays.copyOf(encoded, encoded.length - bindersLength);
        byte[] partialHash = transcript.hashWithPartialClientHello(suite.hash(crypto), truncated);
        if (!early.binderMatches(EarlySecret.PskKind.RESUMPTION, partialHash, offered.binders().get(index))) {
            throw new TlsAlertException(AlertDescription.decrypt_error, "PSK binder does not verify");
        }
    }

    /** §4.2.10: accepts 0-RTT only on the first identity of a fresh ticket for the same suite and ALPN. */
    private boolean chooseEarlyData(ClientHello hello, Optional<AcceptedPsk> psk) {
        if (hello.extension(EarlyDataExtension.class).isEmpty()) {
            return false;
        }
        String refusal = null;
        if (config.maxEarlyData() == 0) {
            refusal = "server does not accept early data";
        } else if (psk.isEmpty()) {
            refusal = "not resumed";
        } else if (psk.get().index != 0) {
            refusal = "resumed with an identity other than the first";
        } else if (psk.get().ticket.maxEarlyData == 0) {
            refusal = "the ticket allows no early data";
        } else if (psk.get().ticket.cipherSuite != suite.code()) {
            refusal = "cipher suite differs from the ticket's";
        } else if (!psk.get().ticket.applicationProtocol.equals(applicationProtocol == null ? "" : applicationProtocol)) {
            refusal = "application protocol differs from the ticket's";
        } else if (psk.get().ageSkewMillis > MAX_TICKET_AGE_SKEW_MILLIS) {
            refusal = "ticket age off by " + psk.get().ageSkewMillis + " ms (possible replay)";
        }
        long maxEarlyData = Math.max(config.maxEarlyData(), psk.map(p -> p.ticket.maxEarlyData).orElse(0L));
        if (refusal != null) {
            decide(Decision.chose(Subjects.EARLY_DATA, "rejected", refusal, Map.of()));
            maxEarlyDataReceivable = maxEarlyData;
            return false;
        }
        decide(Decision.chose(Subjects.EARLY_DATA, "accepted", "resumed with a fresh ticket that allows early data", Map.of()));
        maxEarlyDataReceivable = psk.get().ticket.maxEarlyData;
        return true;
    }

    /** The credential and CertificateVerify scheme: first of the client's signature_algorithms the key can sign. */
    private CertifiedKey chooseCredential(ClientHello hello) throws TlsAlertException {
        if (hello.extension(SignatureAlgorithmsExtension.class).isEmpty()) {
            throw new TlsAlertException(AlertDescription.missing_extension, "ClientHello without signature_algorithms");
        }
        List<Integer> usable = hello.signatureAlgorithms().stream()
                .filter(s -> allowedInCertificateVerify(s) && localSignatureSchemes().contains(s)).collect(Collectors.toList());
        List<X500Principal> authorities = authorities(hello.extension(CertificateAuthoritiesExtension.class));
        Map<String, List<String>> evidence = evidence("client.signature_algorithms", Names.schemes(hello.signatureAlgorithms()),
                "server.signature_algorithms", Names.schemes(localSignatureSchemes()));
        Optional<CertifiedKey> credential = credentials.serverCredential(usable, authorities, view);
        if (credential.isEmpty()) {
            decide(Decision.none(Subjects.CERTIFICATE, "no server certificate for the client's signature_algorithms", evidence));
            throw new TlsAlertException(AlertDescription.handshake_failure, "no server certificate can sign with any of "
                    + Names.schemes(hello.signatureAlgorithms()));
        }
        OptionalInt scheme = usable.stream().filter(s -> crypto.canSign(s, credential.get().key())).mapToInt(Integer::intValue).findFirst();
        if (scheme.isEmpty()) {
            decide(Decision.none(Subjects.SIGNATURE_SCHEME, "the certificate's key can sign none of the client's signature_algorithms", evidence));
            throw new TlsAlertException(AlertDescription.handshake_failure, "the server key ("
                    + credential.get().key().getAlgorithm() + ") can sign none of " + Names.schemes(hello.signatureAlgorithms()));
        }
        decide(Decision.chose(Subjects.CERTIFICATE, credential.get().leaf().getSubjectX500Principal().getName(),
                "chosen by the server's credentials for the client's signature_algorithms", evidence));
        signatureScheme = scheme.getAsInt();
        decide(Decision.chose(Subjects.SIGNATURE_SCHEME, SignatureScheme.name(signatureScheme),
                "first of the client's signature_algorithms the server key can sign", evidence));
        return credential.get();
    }

    private static List<X500Principal> authorities(Optional<CertificateAuthoritiesExtension> extension) throws TlsAlertException {
        List<X500Principal> names = new ArrayList<>();
        for (byte[] der : extension.map(CertificateAuthoritiesExtension::authorities).orElse(List.of())) {
            try {
                names.add(new X500Principal(der));
            } catch (IllegalArgumentException e) {
                throw new TlsAlertException(AlertDescription.decode_error, "certificate_authorities holds a malformed name", e);
            }
        }
        return names;
    }

    /** ServerHello, then under handshake keys EncryptedExtensions, CertificateRequest, Certificate, CertificateVerify, Finished. */
    private void sendServerFlight(ClientHello hello, KeyShareEntry clientShare, Optional<AcceptedPsk> psk, boolean earlyData,
            Optional<CertifiedKey> credential) throws SSLException {
        KeyShare share = crypto.generateKeyShare(group);
        byte[] shared;
        try {
            shared = share.sharedSecret(clientShare.keyExchange());
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "invalid " + NamedGroup.name(group) + " key share", e);
        }
        EarlySecret early = psk.map(p -> p.earlySecret)
                .orElseGet(() -> new KeySchedule(crypto, suite, hello.random(), config.keyLog(), observer).withoutPsk());
        TrafficSecret clientEarly = earlyData ? early.clientEarlyTrafficSecret(transcript.currentHash()) : null;

        List<Extension> extensions = new ArrayList<>(List.of(SupportedVersionsExtension.selected(ProtocolVersion.TLSv1_3),
                KeyShareExtension.serverShare(new KeyShareEntry(group, share.publicKey()))));
        psk.ifPresent(p -> extensions.add(PreSharedKeyExtension.selected(p.index)));
        send(new ServerHello(ProtocolVersion.TLSv1_2, random, hello.sessionId(), suite.code(), 0, extensions));
        sendChangeCipherSpecOnce(hello);

        handshakeSecret = early.handshake(shared);
        byte[] helloHash = transcript.currentHash();
        clientHandshakeSecret = handshakeSecret.clientHandshakeTrafficSecret(helloHash);
        writer.protect(RecordProtection.of(handshakeSecret.serverHandshakeTrafficSecret(helloHash)));
        if (earlyData) {
            reader.protect(RecordProtection.of(clientEarly));
        } else if (hello.extension(EarlyDataExtension.class).isPresent()) {
            reader.skipUndecryptable(maxEarlyDataReceivable, () -> RecordProtection.of(clientHandshakeSecret));
        } else {
            reader.protect(RecordProtection.of(clientHandshakeSecret));
        }
        Optional<RecordSizeLimitExtension> clientLimit = hello.extension(RecordSizeLimitExtension.class);
        if (clientLimit.isPresent()) {
            if (clientLimit.get().limit() < 64) {
                throw new TlsAlertException(AlertDescription.illegal_parameter, "record_size_limit " + clientLimit.get().limit() + " below 64");
            }
            writer.peerRecordSizeLimit(clientLimit.get().limit());
            reader.recordSizeLimit(config.recordSizeLimit());
        }

        send(new EncryptedExtensions(encryptedExtensions(hello, earlyData)));
        if (credential.isPresent()) {
            requestClientCertificate();
            send(certificateMessage(new byte[0], credential.get().chain()));
            view.localCertificates(credential.get().chain());
            send(certificateVerify(credential.get(), signatureScheme, true));
        }
        send(finished(handshakeSecret.serverHandshakeTrafficSecret(helloHash)));

        masterSecret = handshakeSecret.master();
        byte[] finishedHash = transcript.currentHash();
        clientApplicationSecret = masterSecret.clientApplicationTrafficSecret(finishedHash);
        ownApplicationSecret(masterSecret.serverApplicationTrafficSecret(finishedHash));
        view.exporter(masterSecret.exporterMasterSecret(finishedHash)::export);
        state = earlyData ? State.WAIT_EOED : certificateRequest != null ? State.WAIT_CERT : State.WAIT_FINISHED;
    }

    private List<Extension> encryptedExtensions(ClientHello hello, boolean earlyData) {
        List<Extension> extensions = new ArrayList<>();
        if (!view.serverNames().isEmpty() && !view.resumed()) {
            extensions.add(ServerNameExtension.acknowledgement());
        }
        if (applicationProtocol != null) {
            extensions.add(AlpnExtension.of(applicationProtocol));
        }
        if (hello.extension(RecordSizeLimitExtension.class).isPresent()) {
            extensions.add(new RecordSizeLimitExtension(config.recordSizeLimit()));
        }
        if (earlyData) {
            extensions.add(EarlyDataExtension.indication());
        }
        return extensions;
    }

    private void requestClientCertificate() {
        if (config.clientAuth() == ClientAuth.NONE) {
            return;
        }
        List<Extension> extensions = new ArrayList<>();
        List<Integer> forCertificateVerify = localSignatureSchemes().stream()
                .filter(Tls13Handshake::allowedInCertificateVerify).collect(Collectors.toList());
        extensions.add(new SignatureAlgorithmsExtension(forCertificateVerify));
        if (!forCertificateVerify.equals(localSignatureSchemes())) {
            // Without it signature_algorithms also limits the chain's signatures (RFC 8446 §4.2.3), and a
            // strict client (BCJSSE) holding a CA-signed RSA chain (rsa_pkcs1) would send no certificate.
            extensions.add(new SignatureAlgorithmsCertExtension(localSignatureSchemes()));
        }
        if (!config.certificateAuthorities().isEmpty()) {
            extensions.add(new CertificateAuthoritiesExtension(config.certificateAuthorities().stream()
                    .map(X500Principal::getEncoded).collect(Collectors.toList())));
        }
        certificateRequest = CertificateRequest.tls13(new byte[0], extensions);
        decide(Decision.chose(Subjects.CLIENT_AUTHENTICATION, "requested", "client authentication is "
                + config.clientAuth().name(), Map.of()));
        send(certificateRequest);
    }

    private void readEndOfEarlyData(HandshakeFrame frame) {
        transcript.add(frame.encode());
        reader.protect(RecordProtection.of(clientHandshakeSecret));
        state = certificateRequest != null ? State.WAIT_CERT : State.WAIT_FINISHED;
    }

    private void readClientCertificate(Certificate certificate, HandshakeFrame frame) throws TlsAlertException {
        if (!Arrays.equals(certificate.requestContext(), certificateRequest.requestContext())) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "certificate_request_context does not match the request's");
        }
        if (certificate.entries().isEmpty()) {
            if (config.clientAuth() == ClientAuth.NEED) {
                decide(Decision.none(Subjects.CLIENT_AUTHENTICATION, "client sent no certificate and the server needs one", Map.of()));
                throw new TlsAlertException(AlertDescription.certificate_required, "client sent no certificate");
            }
            decide(Decision.chose(Subjects.CLIENT_AUTHENTICATION, "none", "client sent no certificate; the server only wants one", Map.of()));
            transcript.add(frame.encode());
            state = State.WAIT_FINISHED;
            return;
        }
        List<X509Certificate> chain = PeerChain.parse(certificate);
        String authType = chain.get(0).getPublicKey().getAlgorithm();
        peerChain.verify(chain, authType, "client");
        clientLeaf = chain.get(0);
        transcript.add(frame.encode());
        state = State.WAIT_CV;
    }

    private void readClientCertificateVerify(CertificateVerify verify, HandshakeFrame frame) throws TlsAlertException {
        verifyCertificateVerify(verify, clientLeaf, certificateRequest.signatureAlgorithms(), false);
        decide(Decision.chose(Subjects.CLIENT_AUTHENTICATION, clientLeaf.getSubjectX500Principal().getName(),
                "client proved its key with " + SignatureScheme.name(verify.signatureScheme().getAsInt()), Map.of()));
        transcript.add(frame.encode());
        state = State.WAIT_FINISHED;
    }

    private void readClientFinished(Finished finished, HandshakeFrame frame) throws SSLException {
        verifyFinished(finished, clientHandshakeSecret);
        transcript.add(frame.encode());
        peerApplicationSecret(clientApplicationSecret);
        ResumptionMasterSecret resumption = masterSecret.resumptionMasterSecret(transcript.currentHash());
        state = State.CONNECTED;
        established();
        sendTickets(resumption);
    }

    /** §4.6.1: tickets sealed with the store's key, each with its own nonce and so its own PSK. */
    private void sendTickets(ResumptionMasterSecret resumption) throws TlsAlertException {
        Optional<byte[]> key = config.sessions().ticketKey();
        if (key.isEmpty()) {
            return;
        }
        for (int i = 0; i < config.ticketsToIssue(); i++) {
            byte[] nonce = {(byte) i};
            long ageAdd = crypto.random().nextInt() & 0xFFFFFFFFL;
            ServerTicket ticket = new ServerTicket(resumption.psk(nonce), suite.code(), System.currentTimeMillis(),
                    TICKET_LIFETIME_SECONDS, ageAdd, config.maxEarlyData(), applicationProtocol == null ? "" : applicationProtocol,
                    view.peerCertificates());
            List<Extension> extensions = config.maxEarlyData() > 0
                    ? List.of(EarlyDataExtension.maxEarlyDataSize(config.maxEarlyData())) : List.of();
            try {
                sendMessage(NewSessionTicket.tls13(TICKET_LIFETIME_SECONDS, ageAdd, nonce, ticket.seal(crypto, key.get()), extensions));
            } catch (CertificateEncodingException e) {
                throw new TlsAlertException(AlertDescription.internal_error, "client certificate does not encode", e);
            }
        }
    }

    private void sendChangeCipherSpecOnce(ClientHello hello) {
        // §D.4: the server answers a client in compatibility mode (non-empty legacy_session_id)
        if (hello.sessionId().length > 0 && !changeCipherSpecSent) {
            changeCipherSpec();
            changeCipherSpecSent = true;
        }
    }

    @Override
    boolean acceptsChangeCipherSpec() {
        return state != State.START && state != State.CONNECTED;
    }

    @Override
    boolean acceptsApplicationData() {
        return state == State.WAIT_EOED || super.acceptsApplicationData();
    }

    @Override
    void applicationDataReceived(int bytes) throws TlsAlertException {
        if (state == State.WAIT_EOED) {
            earlyDataReceived += bytes;
            if (earlyDataReceived > maxEarlyDataReceivable) {
                throw new TlsAlertException(AlertDescription.unexpected_message, "more early data than max_early_data_size "
                        + maxEarlyDataReceivable);
            }
        }
    }
}
