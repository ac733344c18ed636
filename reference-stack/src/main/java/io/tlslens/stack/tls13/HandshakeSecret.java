package io.tlslens.stack.tls13;

import io.tlslens.stack.KeyLog;

/** The key schedule's second stage (RFC 8446 §7.1): handshake traffic secrets, then the master secret. */
public final class HandshakeSecret {
    private final KeySchedule schedule;
    private final byte[] secret;

    HandshakeSecret(KeySchedule schedule, byte[] secret) {
        this.schedule = schedule;
        this.secret = secret;
    }

    /** {@code client_handshake_traffic_secret}; {@code transcriptHash} covers ClientHello..ServerHello. */
    public TrafficSecret clientHandshakeTrafficSecret(byte[] transcriptHash) {
        return schedule.trafficSecret(secret, "c hs traffic", KeyLog.CLIENT_HANDSHAKE_TRAFFIC_SECRET, transcriptHash,
                TrafficSecret.Updates.NONE);
    }

    /** {@code server_handshake_traffic_secret}; {@code transcriptHash} covers ClientHello..ServerHello. */
    public TrafficSecret serverHandshakeTrafficSecret(byte[] transcriptHash) {
        return schedule.trafficSecret(secret, "s hs traffic", KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET, transcriptHash,
                TrafficSecret.Updates.NONE);
    }

    /** The next stage: {@code Master Secret = HKDF-Extract(Derive-Secret(Handshake Secret, "derived", ""), 0)}. */
    public MasterSecret master() {
        byte[] salt = schedule.deriveSecret(secret, "derived", schedule.emptyHash());
        return new MasterSecret(schedule, schedule.hkdf().extract(salt, new byte[schedule.hash().length()]));
    }

    /** For the known-answer tests. */
    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "HandshakeSecret{" + schedule.cipherSuite() + "}";
    }
}
