package io.tlslens.stack.tls13;

import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Negotiated;
import io.tlslens.stack.CertifiedKey;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.Credentials;
import io.tlslens.stack.TlsConfig;
import io.tlslens.stack.crypto.TlsCrypto;
import io.tlslens.stack.handshake.Alpn;
import io.tlslens.stack.handshake.ExpectedMessages;
import io.tlslens.stack.handshake.HandshakeState;
import io.tlslens.stack.handshake.PeerChain;
import io.tlslens.stack.handshake.TimedCredentials;
import io.tlslens.stack.record.RecordReader;
import io.tlslens.stack.record.RecordWriter;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateVerify;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.Extension;
import io.tlslens.wire.Finished;
import io.tlslens.wire.HandshakeDecoder;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeMessage;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.KeyUpdate;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * What the TLS 1.3 client and server handshakes share: sending and receiving messages with the
 * transcript and the observer, CertificateVerify and Finished, the peer's chain, and the
 * application traffic secrets with KeyUpdate (RFC 8446 §4.6.3). The subclasses are the state
 * machines of RFC 8446 Appendix A, one named step per message.
 */
abstract class Tls13Handshake {
    /** RFC 8446 §4.4.3: 64 spaces, then the context string, then a zero byte, then the transcript hash. */
    private static final String SERVER_CONTEXT = "TLS 1.3, server CertificateVerify";
    private static final String CLIENT_CONTEXT = "TLS 1.3, client CertificateVerify";

    final TlsConfig config;
    final TlsCrypto crypto;
    final HandshakeObserver observer;
    final RecordReader reader;
    final RecordWriter writer;
    final HandshakeState view;
    final PeerChain peerChain;
    /** The application's key manager, timed. */
    final Credentials credentials;
    final Alpn alpn;
    Transcript transcript = new Transcript();
    private final HandshakeDecoder decoder = new HandshakeDecoder(ProtocolVersion.TLSv1_3, 0);

    Tls13CipherSuite suite;
    Integer group;
    Integer signatureScheme;
    boolean helloRetry;
    private TrafficSecret ownApplicationSecret;
    private TrafficSecret peerApplicationSecret;
    private boolean complete;
    private boolean outboundClosed;

    Tls13Handshake(TlsConfig config, HandshakeObserver observer, RecordReader reader, RecordWriter writer, HandshakeState view) {
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

    /** Whether a ChangeCipherSpec may arrive now (§5: after the first ClientHello, before the peer's Finished). */
    abstract boolean acceptsChangeCipherSpec();

    /** Whether application data may arrive now: early data on a server that accepted it, or after the handshake. */
    boolean acceptsApplicationData() {
        return complete;
    }

    /** How many more bytes of early data a client may send now; 0 when it sends none. */
    long earlyDataAllowance() {
        return 0;
    }

    /** Counts early data the client sent, against the ticket's max_early_data_size. */
    void earlyDataSent(int bytes) {
        throw new IllegalStateException("no early data on this connection");
    }

    /** Counts application data received, so a server can hold early data to max_early_data_size. */
    void applicationDataReceived(int bytes) throws TlsAlertException {
    }

    final boolean isComplete() {
        return complete;
    }

    /** A handshake message after the handshake: KeyUpdate here; a client takes NewSessionTicket too. */
    void handlePostHandshake(HandshakeFrame frame) throws SSLException {
        expect(frame, HandshakeType.key_update);
        KeyUpdate update = (KeyUpdate) receive(frame);
        peerApplicationSecret = peerApplicationSecret.next();
        reader.protect(RecordProtection.of(peerApplicationSecret));
        // §4.6.3: the answer must precede our next record; a side that sends no more owes none
        if (update.updateRequested() && !outboundClosed) {
            updateKeys(false);
        }
    }

    /** This side sent close_notify: nothing more goes out, KeyUpdate answers included. */
    final void outboundClosed() {
        outboundClosed = true;
    }

    /** Sends a KeyUpdate and moves this side's writing to the next application traffic secret. */
    final void updateKeys(boolean requestPeerUpdate) {
        sendMessage(new KeyUpdate(requestPeerUpdate));
        ownApplicationSecret = ownApplicationSecret.next();
        writer.protect(RecordProtection.of(ownApplicationSecret));
    }

    // ---- building blocks of the steps ----

    /** Decodes a frame already checked with {@link #expect}, and reports it to the observer. */
    final HandshakeMessage receive(HandshakeFrame frame) throws TlsAlertException {
        HandshakeMessage message = decode(frame);
        observer.messageReceived(message);
        return message;
    }

    /** unexpected_message unless the frame is one of {@code types}; the observer still hears of it. */
    final void expect(HandshakeFrame frame, int... types) throws TlsAlertException {
        ExpectedMessages.expect(frame, decoder, observer, types);
    }

    private HandshakeMessage decode(HandshakeFrame frame) throws TlsAlertException {
        try {
            return decoder.decode(frame.type(), frame.body());
        } catch (DecodeException e) {
            throw new TlsAlertException(AlertDescription.decode_error,
                    "malformed " + HandshakeType.messageName(frame.type()) + ": " + e.getMessage());
        }
    }

    /** Queues a message for the peer, adds it to the transcript and reports it. */
    final void send(HandshakeMessage message) {
        byte[] encoded = message.encode();
        transcript.add(encoded);
        writer.handshake(encoded);
        observer.messageSent(message);
    }

    /** Queues a message that is not part of the transcript (post-handshake messages) and reports it. */
    final void sendMessage(HandshakeMessage message) {
        writer.handshake(message.encode());
        observer.messageSent(message);
    }

    final void changeCipherSpec() {
        writer.changeCipherSpec();
        observer.changeCipherSpecSent();
    }

    final void decide(Decision decision) {
        observer.decision(decision);
    }

    /** illegal_parameter for an extension that may not appear in {@code where} (RFC 8446 §4.2). */
    static void checkAllowed(List<Extension> extensions, Set<Integer> allowed, String where) throws TlsAlertException {
        for (Extension e : extensions) {
            if (!allowed.contains(e.type())) {
                throw new TlsAlertException(AlertDescription.illegal_parameter,
                        e.name() + " extension is not allowed in " + where);
            }
        }
    }

    static Set<Integer> types(int... extensionTypes) {
        Set<Integer> set = new HashSet<>();
        for (int t : extensionTypes) {
            set.add(t);
        }
        return set;
    }

    /** Schemes a TLS 1.3 CertificateVerify may use: rsa_pkcs1_* only sign certificates (§4.2.3). */
    static boolean allowedInCertificateVerify(int scheme) {
        return scheme != SignatureScheme.rsa_pkcs1_sha256 && scheme != SignatureScheme.rsa_pkcs1_sha384
                && scheme != SignatureScheme.rsa_pkcs1_sha512 && scheme != SignatureScheme.rsa_pkcs1_sha1
                && scheme != SignatureScheme.ecdsa_sha1;
    }

    /** Our enabled schemes that this provider implements, in our order. */
    final List<Integer> localSignatureSchemes() {
        return config.signatureSchemes().stream().filter(crypto::supportsSignatureScheme).collect(Collectors.toList());
    }

    /** The Certificate message for {@code chain}. */
    static Certificate certificateMessage(byte[] context, List<X509Certificate> chain) throws TlsAlertException {
        List<Certificate.Entry> entries = new ArrayList<>();
        for (X509Certificate c : chain) {
            try {
                entries.add(new Certificate.Entry(c.getEncoded(), List.of()));
            } catch (CertificateEncodingException e) {
                throw new TlsAlertException(AlertDescription.internal_error, "own certificate does not encode", e);
            }
        }
        return Certificate.tls13(context, entries);
    }

    /** Signs the transcript so far as {@code server} or client (§4.4.3). */
    final CertificateVerify certificateVerify(CertifiedKey key, int scheme, boolean server) throws TlsAlertException {
        try {
            return CertificateVerify.of(scheme, crypto.sign(scheme, key.key(), signedContent(server, transcript.currentHash())));
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.internal_error, "cannot sign with " + SignatureScheme.name(scheme), e);
        }
    }

    /**
     * Checks the peer's CertificateVerify against the transcript before it: its scheme must be one
     * this side offered (illegal_parameter), the signature must verify (decrypt_error).
     */
    final void verifyCertificateVerify(CertificateVerify verify, X509Certificate leaf, List<Integer> offered,
            boolean signedByServer) throws TlsAlertException {
        int scheme = verify.signatureScheme().orElse(-1);
        if (!offered.contains(scheme) || !allowedInCertificateVerify(scheme)) {
            throw new TlsAlertException(AlertDescription.illegal_parameter,
                    "CertificateVerify with " + SignatureScheme.name(scheme) + ", which was not offered: " + Names.schemes(offered));
        }
        byte[] content = signedContent(signedByServer, transcript.currentHash());
        if (!crypto.verify(scheme, leaf.getPublicKey(), content, verify.signature())) {
            throw new TlsAlertException(AlertDescription.decrypt_error,
                    "CertificateVerify signature (" + SignatureScheme.name(scheme) + ") does not verify with the "
                            + leaf.getPublicKey().getAlgorithm() + " key of " + leaf.getSubjectX500Principal().getName());
        }
    }

    static byte[] signedContent(boolean server, byte[] transcriptHash) {
        byte[] context = (server ? SERVER_CONTEXT : CLIENT_CONTEXT).getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[64 + context.length + 1 + transcriptHash.length];
        Arrays.fill(content, 0, 64, (byte) 0x20);
        System.arraycopy(context, 0, content, 64, context.length);
        System.arraycopy(transcriptHash, 0, content, 64 + context.length + 1, transcriptHash.length);
        return content;
    }

    /** The Finished for {@code secret}'s sender over the transcript so far. */
    final Finished finished(TrafficSecret secret) {
        return new Finished(secret.finishedVerifyData(transcript.currentHash()));
    }

    /** decrypt_error unless the peer's Finished matches the transcript before it (§4.4.4). */
    final void verifyFinished(Finished finished, TrafficSecret peerSecret) throws TlsAlertException {
        if (!peerSecret.finishedMatches(transcript.currentHash(), finished.verifyData())) {
            throw new TlsAlertException(AlertDescription.decrypt_error, "Finished verify_data does not match the transcript");
        }
    }

    /** Installs the application traffic secrets (at each side's moment) and completes the handshake. */
    final void ownApplicationSecret(TrafficSecret secret) {
        ownApplicationSecret = secret;
        writer.protect(RecordProtection.of(secret));
    }

    final void peerApplicationSecret(TrafficSecret secret) {
        peerApplicationSecret = secret;
        reader.protect(RecordProtection.of(secret));
    }

    /** Marks the handshake complete and tells the observer what was agreed. */
    final void established() {
        complete = true;
        // TLS 1.3 has no session ID on the wire; the session gets a random one for the JSSE layer
        byte[] sessionId = new byte[32];
        crypto.random().nextBytes(sessionId);
        view.sessionId(sessionId);
        observer.established(new Negotiated(ProtocolVersion.TLSv1_3, suite.code(), group, signatureScheme,
                view.applicationProtocol().orElse(null), firstOrNull(view.serverNames()), view.resumed(), helloRetry,
                view.peerCertificates(), view.localCertificates()));
    }

    private static String firstOrNull(List<String> names) {
        return names.isEmpty() ? null : names.get(0);
    }

}
