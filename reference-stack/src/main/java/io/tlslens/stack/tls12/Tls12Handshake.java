package io.tlslens.stack.tls12;

import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Negotiated;
import io.tlslens.stack.KeyLog;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.Credentials;
import io.tlslens.stack.TlsConfig;
import io.tlslens.stack.crypto.TlsCrypto;
import io.tlslens.stack.handshake.Alpn;
import io.tlslens.stack.handshake.ExpectedMessages;
import io.tlslens.stack.handshake.HandshakeState;
import io.tlslens.stack.handshake.PeerChain;
import io.tlslens.stack.handshake.TimedCredentials;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.Finished;
import io.tlslens.wire.HandshakeDecoder;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeMessage;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.RecordSizeLimitExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * What the TLS 1.2 client and server handshakes share (RFC 5246 §7.3): messages in and out with
 * {@code handshake_messages} and the observer, the master secret and key block, ChangeCipherSpec
 * and Finished, the peer's chain. The subclasses are the two state machines, one named step per
 * message of the full and the abbreviated handshake.
 */
abstract class Tls12Handshake {
    /** RFC 8446 §4.1.3: the last 8 bytes of a TLS 1.3-capable server's random when it negotiates TLS 1.2. */
    static final byte[] DOWNGRADE_TLS12 = "DOWNGRD\u0001".getBytes(StandardCharsets.US_ASCII);
    /** The same for TLS 1.1 and below. */
    static final byte[] DOWNGRADE_TLS11 = "DOWNGRD\u0000".getBytes(StandardCharsets.US_ASCII);
    /** Sessions and tickets live as long as SunJSSE's default, 24 hours. */
    static final long SESSION_LIFETIME_SECONDS = 86400;

    final TlsConfig config;
    final TlsCrypto crypto;
    final HandshakeObserver observer;
    final Tls12RecordReader reader;
    final Tls12RecordWriter writer;
    final HandshakeState view;
    final PeerChain peerChain;
    /** The application's key manager, timed. */
    final Credentials credentials;
    final Alpn alpn;
    final HandshakeMessages messages = new HandshakeMessages();
    private HandshakeDecoder decoder = new HandshakeDecoder();

    byte[] clientRandom;
    byte[] serverRandom;
    Tls12CipherSuite suite;
    Integer group;
    Integer signatureScheme;
    boolean extendedMasterSecret;
    MasterSecret masterSecret;
    MasterSecret.KeyBlock keys;
    private boolean complete;

    Tls12Handshake(TlsConfig config, HandshakeObserver observer, Tls12RecordReader reader, Tls12RecordWriter writer,
            HandshakeState view) {
        this.config = config;
        this.crypto = config.crypto();
        this.observer = observer;
        this.reader = reader;
        this.writer = writer;
        this.view = view;
        this.peerChain = new PeerChain(config.peerVerifier(), view, observer);
        this.credentials = new TimedCredentials(config.credentials(), observer);
        this.alpn = new Alpn(config, view, observer);
    }

    /** Begins the handshake: a client sends its ClientHello, a server waits for one. */
    abstract void start() throws SSLException;

    /** Processes one handshake message of the handshake proper. */
    abstract void handle(HandshakeFrame frame) throws SSLException;

    /** The peer's ChangeCipherSpec: unexpected_message unless its Finished is next (RFC 5246 §7.1). */
    abstract void changeCipherSpecReceived() throws TlsAlertException;

    /**
     * A handshake message after the handshake. This stack never renegotiates (RFC 5746 makes it
     * safe, not wanted): the subclasses refuse a renegotiation with no_renegotiation.
     */
    void handlePostHandshake(HandshakeFrame frame) throws SSLException {
        expect(frame);
    }

    final boolean isComplete() {
        return complete;
    }

    // ---- messages in and out ----

    /** Decodes a frame already checked with {@link #expect}, and reports it to the observer. */
    final HandshakeMessage receive(HandshakeFrame frame) throws TlsAlertException {
        HandshakeMessage message;
        try {
            message = decoder.decode(frame.type(), frame.body());
        } catch (DecodeException e) {
            throw new TlsAlertException(AlertDescription.decode_error,
                    "malformed " + HandshakeType.messageName(frame.type()) + ": " + e.getMessage());
        }
        observer.messageReceived(message);
        return message;
    }

    /** unexpected_message unless the frame is one of {@code types}; the observer still hears of it. */
    final void expect(HandshakeFrame frame, int... types) throws TlsAlertException {
        ExpectedMessages.expect(frame, decoder, observer, types);
    }

    /** From here on messages are decoded in the shapes of TLS 1.2 and {@code suite} (a server sees no ServerHello to learn them from). */
    final void decodeFor(Tls12CipherSuite chosen) {
        decoder = new HandshakeDecoder(ProtocolVersion.TLSv1_2, chosen.code());
    }

    /** Queues a message for the peer, adds it to handshake_messages and reports it. */
    final void send(HandshakeMessage message) {
        byte[] encoded = message.encode();
        messages.add(encoded);
        writer.handshake(encoded);
        observer.messageSent(message);
    }

    final void decide(Decision decision) {
        observer.decision(decision);
    }

    /**
     * RFC 8449: the peer's record_size_limit (at least 64) bounds what we write under protection,
     * ours (at most 2^14 in TLS 1.2) what we read; returns ours, for the answer.
     */
    final int applyRecordSizeLimit(RecordSizeLimitExtension peer) throws TlsAlertException {
        if (peer.limit() < 64) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "record_size_limit " + peer.limit() + " below 64");
        }
        writer.peerRecordSizeLimit(peer.limit());
        int ours = Math.min(config.recordSizeLimit(), Tls12RecordProtection.MAX_PLAINTEXT);
        reader.recordSizeLimit(ours);
        return ours;
    }

    // ---- keys ----

    /**
     * The one place a master secret is made from a premaster secret: extended (RFC 7627) when both
     * sides agreed to, over the session hash (handshake_messages up to ClientKeyExchange); written
     * to the key log as CLIENT_RANDOM, reported by its label only.
     */
    final void deriveMasterSecret(byte[] preMasterSecret) {
        masterSecret = extendedMasterSecret
                ? MasterSecret.extended(crypto, suite, preMasterSecret, messages.hash(suite.hash(crypto)))
                : MasterSecret.classic(crypto, suite, preMasterSecret, clientRandom, serverRandom);
        Arrays.fill(preMasterSecret, (byte) 0);
        installMasterSecret();
    }

    /** The master secret of a session being resumed (RFC 5246 §7.3: the abbreviated handshake). */
    final void resumeMasterSecret(Tls12Session session) {
        masterSecret = MasterSecret.resumed(crypto, suite, session.masterSecret());
        installMasterSecret();
    }

    private void installMasterSecret() {
        keys = masterSecret.keyBlock(clientRandom, serverRandom);
        config.keyLog().log(KeyLog.CLIENT_RANDOM, clientRandom.clone(), masterSecret.secret());
        observer.secretDerived("master secret");
    }

    /** ChangeCipherSpec, after which this side writes with its half of the key block. */
    final void sendChangeCipherSpec() {
        writer.changeCipherSpec(view.isClient() ? keys.client() : keys.server());
        observer.changeCipherSpecSent();
    }

    /** The peer's ChangeCipherSpec switched its writing: read with its half of the key block. */
    final void readWithPeerKeys() {
        reader.protect(view.isClient() ? keys.server() : keys.client());
        observer.changeCipherSpecReceived();
    }

    /** This side's Finished over handshake_messages so far. */
    final Finished finished() {
        return new Finished(masterSecret.verifyData(view.isClient(), messages.hash(suite.hash(crypto))));
    }

    /** decrypt_error unless the peer's Finished matches handshake_messages before it (RFC 5246 §7.4.9). */
    final void verifyFinished(Finished finished) throws TlsAlertException {
        byte[] expected = masterSecret.verifyData(!view.isClient(), messages.hash(suite.hash(crypto)));
        if (!MessageDigest.isEqual(expected, finished.verifyData())) {
            throw new TlsAlertException(AlertDescription.decrypt_error, "Finished verify_data does not match the handshake");
        }
    }

    // ---- certificates ----

    /** The Certificate message for {@code chain}. */
    static Certificate certificateMessage(List<X509Certificate> chain) throws TlsAlertException {
        List<byte[]> encoded = new ArrayList<>();
        for (X509Certificate c : chain) {
            try {
                encoded.add(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new TlsAlertException(AlertDescription.internal_error, "own certificate does not encode", e);
            }
        }
        return Certificate.tls12(encoded);
    }

    /** Our enabled schemes that this provider implements, in our order. */
    final List<Integer> localSignatureSchemes() {
        return config.signatureSchemes().stream().filter(crypto::supportsSignatureScheme).collect(Collectors.toList());
    }

    // ---- the end ----

    /** Marks the handshake complete, opens the exporter, and tells the observer what was agreed. */
    final void established() {
        complete = true;
        MasterSecret secret = masterSecret;
        byte[] client = clientRandom.clone();
        byte[] server = serverRandom.clone();
        view.exporter((label, context, length) -> secret.export(label, context, client, server, length));
        observer.established(new Negotiated(ProtocolVersion.TLSv1_2, suite.code(), group, signatureScheme,
                view.applicationProtocol().orElse(null), view.serverNames().isEmpty() ? null : view.serverNames().get(0),
                view.resumed(), false, view.peerCertificates(), view.localCertificates()));
    }

    /** The session this handshake made or resumed, as a cache keeps it. */
    final Tls12Session session(byte[] sessionId, byte[] ticket, long lifetimeSeconds) {
        return new Tls12Session(suite.code(), masterSecret.secret(), extendedMasterSecret, sessionId, ticket,
                System.currentTimeMillis(), lifetimeSeconds, view.serverNames().isEmpty() ? null : view.serverNames().get(0),
                view.peerCertificates(), view.localCertificates());
    }

    /** ClientHello.random + ServerHello.random + ServerECDHParams: what a ServerKeyExchange signs (RFC 8422 §5.4). */
    final byte[] signedParams(int namedGroup, byte[] point) {
        byte[] params = new byte[4 + point.length];
        params[0] = 3; // ECCurveType named_curve
        params[1] = (byte) (namedGroup >>> 8);
        params[2] = (byte) namedGroup;
        params[3] = (byte) point.length;
        System.arraycopy(point, 0, params, 4, point.length);
        return Prf.concat(Prf.concat(clientRandom, serverRandom), params);
    }
}
