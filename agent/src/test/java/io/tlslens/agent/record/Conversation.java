package io.tlslens.agent.record;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds one {@link HandshakeRecorder} as the stack would, from the point of view of {@code role}: a message
 * "from the client" is SENT when this JVM is the client and RECEIVED when it is the server. Each message
 * is one millisecond after the previous one.
 */
public final class Conversation {

    public static final long T0 = 5_000_000_000L;
    public static final long STEP = 1_000_000L;

    public final HandshakeRecorder recorder = new HandshakeRecorder("jsse");
    public final Role role;
    /** Records that {@link HandshakeRecorder#message} returned (post-handshake ones). */
    public final List<HandshakeRecord> returned = new ArrayList<>();
    /** The nanoTime of each message fed, in order. */
    public final List<Long> times = new ArrayList<>();
    private long now = T0;

    public Conversation(Role role) {
        this.role = role;
    }

    public long now() {
        return now;
    }

    private Direction from(Role sender) {
        return sender == role ? Direction.SENT : Direction.RECEIVED;
    }

    public Conversation fromClient(byte[] handshakeMessage) {
        return feed(from(Role.CLIENT), RecordedMessage.HANDSHAKE, handshakeMessage);
    }

    public Conversation fromServer(byte[] handshakeMessage) {
        return feed(from(Role.SERVER), RecordedMessage.HANDSHAKE, handshakeMessage);
    }

    public Conversation alertFromClient(int description) {
        return feed(from(Role.CLIENT), RecordedMessage.ALERT, Flights.fatal(description));
    }

    public Conversation alertFromServer(int description) {
        return feed(from(Role.SERVER), RecordedMessage.ALERT, Flights.fatal(description));
    }

    public Conversation ccsFromClient() {
        return feed(from(Role.CLIENT), RecordedMessage.CHANGE_CIPHER_SPEC, Flights.changeCipherSpec());
    }

    public Conversation ccsFromServer() {
        return feed(from(Role.SERVER), RecordedMessage.CHANGE_CIPHER_SPEC, Flights.changeCipherSpec());
    }

    public Conversation feed(Direction direction, int contentType, byte[] bytes) {
        times.add(now);
        HandshakeRecord record = recorder.message(direction, now, contentType, bytes, bytes.length);
        if (record != null) {
            returned.add(record);
        }
        now += STEP;
        return this;
    }

    public HandshakeRecord completed(Peer peer, List<X509Certificate> peerCertificates,
                                     List<X509Certificate> localCertificates) {
        HandshakeRecord record = recorder.completed(now, peer, peerCertificates, localCertificates);
        now += STEP;
        return record;
    }

    public HandshakeRecord completed() {
        return completed(Peer.UNKNOWN, List.of(), List.of());
    }

    public HandshakeRecord failed(Failure failure, Peer peer) {
        HandshakeRecord record = recorder.failed(now, failure, peer, role, List.of());
        now += STEP;
        return record;
    }

    public HandshakeRecord failed(Failure failure) {
        return failed(failure, Peer.UNKNOWN);
    }

    // ----- whole flights -----

    /** A TLS 1.3 client hello, server flight (with the middlebox CCS) and the server's chain, up to its Finished. */
    public Conversation tls13ServerFlight(String sni, List<X509Certificate> serverChain, String alpn) {
        fromClient(Flights.clientHello13(sni, "h2", "http/1.1"));
        fromServer(Flights.serverHello13(io.tlslens.wire.CipherSuite.TLS_AES_128_GCM_SHA256,
                io.tlslens.wire.NamedGroup.x25519, false));
        ccsFromServer();
        fromServer(Flights.encryptedExtensions(alpn));
        fromServer(Flights.certificate13(serverChain));
        fromServer(Flights.certificateVerify(io.tlslens.wire.SignatureScheme.ecdsa_secp256r1_sha256));
        fromServer(Flights.finished());
        return this;
    }

    /**
     * A TLS 1.3 full handshake in which the server asks for a client certificate, up to the client's
     * Finished: the last message, after which a client considers the handshake complete.
     */
    public Conversation tls13WithClientCertificate(List<X509Certificate> clientChain) {
        fromClient(Flights.clientHello13("localhost"));
        fromServer(Flights.serverHello13(io.tlslens.wire.CipherSuite.TLS_AES_128_GCM_SHA256,
                io.tlslens.wire.NamedGroup.x25519, false));
        fromServer(Flights.encryptedExtensions(null));
        fromServer(Flights.certificateRequest13());
        fromServer(Flights.certificate13(Flights.pki().server().chain()));
        fromServer(Flights.certificateVerify(io.tlslens.wire.SignatureScheme.ecdsa_secp256r1_sha256));
        fromServer(Flights.finished());
        fromClient(Flights.certificate13(clientChain));
        fromClient(Flights.certificateVerify(io.tlslens.wire.SignatureScheme.ecdsa_secp256r1_sha256));
        fromClient(Flights.finished());
        return this;
    }

    /** A complete TLS 1.3 full handshake with the examples' good server chain, ALPN h2, SNI localhost. */
    public Conversation tls13Full() {
        tls13ServerFlight("localhost", Flights.pki().server().chain(), "h2");
        ccsFromClient();
        fromClient(Flights.finished());
        return this;
    }
}
