package io.tlslens.stack.tls13;

import io.tlslens.stack.KeyLog;
import java.security.MessageDigest;

/**
 * The key schedule's first stage (RFC 8446 §7.1): {@code Early Secret = HKDF-Extract(0, PSK)}. It
 * gives the PSK binders, the 0-RTT traffic secret, and leads to the {@link HandshakeSecret}.
 */
public final class EarlySecret {
    /** Which binder key a PSK's binder is computed with (RFC 8446 §4.2.11.2). */
    public enum PskKind {
        /** A PSK provisioned outside TLS: {@code "ext binder"}. */
        EXTERNAL("ext binder"),
        /** A PSK from a NewSessionTicket: {@code "res binder"}. */
        RESUMPTION("res binder");

        private final String label;

        PskKind(String label) {
            this.label = label;
        }
    }

    private final KeySchedule schedule;
    private final byte[] secret;

    EarlySecret(KeySchedule schedule, byte[] secret) {
        this.schedule = schedule;
        this.secret = secret;
    }

    /**
     * The PSK binder (RFC 8446 §4.2.11.2): the Finished computation keyed with the binder key, over
     * {@code partialTranscriptHash}, the hash of the transcript up to and including the ClientHello
     * truncated before the binders list (see {@link Transcript#hashWithPartialClientHello}).
     */
    public byte[] binder(PskKind kind, byte[] partialTranscriptHash) {
        byte[] binderKey = schedule.deriveSecret(secret, kind.label, schedule.emptyHash());
        return TrafficSecret.finishedMac(schedule, binderKey, partialTranscriptHash);
    }

    /** Whether {@code binder} is the right one, compared in constant time. */
    public boolean binderMatches(PskKind kind, byte[] partialTranscriptHash, byte[] binder) {
        return MessageDigest.isEqual(binder(kind, partialTranscriptHash), binder);
    }

    /** {@code client_early_traffic_secret}, for 0-RTT data; {@code clientHelloHash} covers the ClientHello. */
    public TrafficSecret clientEarlyTrafficSecret(byte[] clientHelloHash) {
        return schedule.trafficSecret(secret, "c e traffic", KeyLog.CLIENT_EARLY_TRAFFIC_SECRET, clientHelloHash,
                TrafficSecret.Updates.NONE);
    }

    /**
     * The next stage: {@code Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, "derived",
     * ""), (EC)DHE)}, with {@code ecdheSharedSecret} null for psk_ke (no (EC)DHE: HashLen zeros).
     */
    public HandshakeSecret handshake(byte[] ecdheSharedSecret) {
        byte[] ikm = ecdheSharedSecret != null ? ecdheSharedSecret : new byte[schedule.hash().length()];
        byte[] salt = schedule.deriveSecret(secret, "derived", schedule.emptyHash());
        return new HandshakeSecret(schedule, schedule.hkdf().extract(salt, ikm));
    }

    /** For the known-answer tests. */
    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "EarlySecret{" + schedule.cipherSuite() + "}";
    }
}
