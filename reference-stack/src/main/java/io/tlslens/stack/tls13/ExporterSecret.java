package io.tlslens.stack.tls13;

/** {@code exporter_master_secret} (RFC 8446 §7.1) and the exporter built on it (§7.5). */
public final class ExporterSecret {
    private final KeySchedule schedule;
    private final byte[] secret;

    ExporterSecret(KeySchedule schedule, byte[] secret) {
        this.schedule = schedule;
        this.secret = secret;
    }

    /**
     * {@code TLS-Exporter(label, context_value, key_length) = HKDF-Expand-Label(Derive-Secret(Secret,
     * label, ""), "exporter", Hash(context_value), key_length)} (RFC 8446 §7.5). A missing context
     * and an empty one are the same in TLS 1.3.
     */
    public byte[] export(String label, byte[] context, int length) {
        byte[] labelSecret = schedule.deriveSecret(secret, label, schedule.emptyHash());
        byte[] contextHash = schedule.hash().digest(context == null ? new byte[0] : context);
        return schedule.hkdfExpandLabel(labelSecret, "exporter", contextHash, length);
    }

    /** For the known-answer tests. */
    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "ExporterSecret{" + schedule.cipherSuite() + "}";
    }
}
