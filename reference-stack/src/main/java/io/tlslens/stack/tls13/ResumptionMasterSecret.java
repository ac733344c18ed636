package io.tlslens.stack.tls13;

/** {@code resumption_master_secret} (RFC 8446 §7.1): the source of every ticket's PSK. */
public final class ResumptionMasterSecret {
    private final KeySchedule schedule;
    private final byte[] secret;

    ResumptionMasterSecret(KeySchedule schedule, byte[] secret) {
        this.schedule = schedule;
        this.secret = secret;
    }

    /**
     * The PSK of the ticket with {@code ticketNonce} (RFC 8446 §4.6.1):
     * {@code HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length)}.
     */
    public byte[] psk(byte[] ticketNonce) {
        return schedule.hkdfExpandLabel(secret, "resumption", ticketNonce, schedule.hash().length());
    }

    /** For the known-answer tests. */
    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "ResumptionMasterSecret{" + schedule.cipherSuite() + "}";
    }
}
