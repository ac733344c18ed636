package io.tlslens.stack.tls13;

import io.tlslens.stack.crypto.TlsCrypto;
import java.security.MessageDigest;

/**
 * One traffic secret of one direction and epoch (RFC 8446 §7.1–7.3): early data, handshake or
 * application data. It gives the record keys, the Finished MAC of its sender and, for application
 * data, the next generation after a KeyUpdate.
 */
public final class TrafficSecret {
    /** Whether, and under which observer label, a secret has KeyUpdate successors. */
    enum Updates {
        /** Early-data and handshake traffic secrets are never updated. */
        NONE(null),
        CLIENT("CLIENT_TRAFFIC_SECRET_"),
        SERVER("SERVER_TRAFFIC_SECRET_");

        final String labelPrefix;

        Updates(String labelPrefix) {
            this.labelPrefix = labelPrefix;
        }
    }

    private final KeySchedule schedule;
    private final String label;
    private final byte[] secret;
    private final Updates updates;
    private final int generation;

    TrafficSecret(KeySchedule schedule, String label, byte[] secret, Updates updates, int generation) {
        this.schedule = schedule;
        this.label = label;
        this.secret = secret;
        this.updates = updates;
        this.generation = generation;
    }

    /**
     * The record protection keys (RFC 8446 §7.3): {@code [sender]_write_key =
     * HKDF-Expand-Label(Secret, "key", "", key_length)} and {@code [sender]_write_iv =
     * HKDF-Expand-Label(Secret, "iv", "", iv_length)}.
     */
    public TrafficKeys keys() {
        Tls13CipherSuite suite = schedule.cipherSuite();
        return new TrafficKeys(
                schedule.hkdfExpandLabel(secret, "key", new byte[0], suite.keyLength()),
                schedule.hkdfExpandLabel(secret, "iv", new byte[0], suite.ivLength()));
    }

    /**
     * The next application traffic secret after a KeyUpdate (RFC 8446 §7.2):
     * {@code HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length)}. The
     * observer hears of it as {@code CLIENT_TRAFFIC_SECRET_N}/{@code SERVER_TRAFFIC_SECRET_N}; the
     * key log does not, because the NSS format names generation 0 only (readers derive the rest).
     *
     * @throws IllegalStateException for an early-data or handshake traffic secret
     */
    public TrafficSecret next() {
        if (updates == Updates.NONE) {
            throw new IllegalStateException(label + " is not an application traffic secret");
        }
        byte[] derived = schedule.hkdfExpandLabel(secret, "traffic upd", new byte[0], schedule.hash().length());
        String nextLabel = updates.labelPrefix + (generation + 1);
        schedule.report(nextLabel, derived, false);
        return new TrafficSecret(schedule, nextLabel, derived, updates, generation + 1);
    }

    /**
     * The Finished verify_data of this secret's sender (RFC 8446 §4.4.4): {@code HMAC(finished_key,
     * Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*))}.
     */
    public byte[] finishedVerifyData(byte[] transcriptHash) {
        return finishedMac(schedule, secret, transcriptHash);
    }

    /** Whether the peer's {@code verifyData} is right, compared in constant time. */
    public boolean finishedMatches(byte[] transcriptHash, byte[] verifyData) {
        return MessageDigest.isEqual(finishedVerifyData(transcriptHash), verifyData);
    }

    public Tls13CipherSuite cipherSuite() {
        return schedule.cipherSuite();
    }

    /** The NSS key log label (or observer label after a KeyUpdate), e.g. {@code SERVER_HANDSHAKE_TRAFFIC_SECRET}. */
    public String label() {
        return label;
    }

    TlsCrypto crypto() {
        return schedule.crypto();
    }

    /** For the known-answer tests. */
    byte[] secret() {
        return secret.clone();
    }

    /** {@code HMAC(HKDF-Expand-Label(baseKey, "finished", "", Hash.length), transcriptHash)}: Finished and binders. */
    static byte[] finishedMac(KeySchedule schedule, byte[] baseKey, byte[] transcriptHash) {
        byte[] finishedKey = schedule.hkdfExpandLabel(baseKey, "finished", new byte[0], schedule.hash().length());
        return schedule.hash().hmac(finishedKey, transcriptHash);
    }

    @Override
    public String toString() {
        return "TrafficSecret{" + label + ", " + schedule.cipherSuite() + "}";
    }
}
