package io.tlslens.stack.tls13;

import io.tlslens.stack.KeyLog;

/**
 * The key schedule's last stage (RFC 8446 §7.1): application traffic secrets, the exporter master
 * secret and the resumption master secret.
 */
public final class MasterSecret {
    private final KeySchedule schedule;
    private final byte[] secret;

    MasterSecret(KeySchedule schedule, byte[] secret) {
        this.schedule = schedule;
        this.secret = secret;
    }

    /** {@code client_application_traffic_secret_0}; {@code transcriptHash} covers ClientHello..server Finished. */
    public TrafficSecret clientApplicationTrafficSecret(byte[] transcriptHash) {
        return schedule.trafficSecret(secret, "c ap traffic", KeyLog.CLIENT_TRAFFIC_SECRET_0, transcriptHash,
                TrafficSecret.Updates.CLIENT);
    }

    /** {@code server_application_traffic_secret_0}; {@code transcriptHash} covers ClientHello..server Finished. */
    public TrafficSecret serverApplicationTrafficSecret(byte[] transcriptHash) {
        return schedule.trafficSecret(secret, "s ap traffic", KeyLog.SERVER_TRAFFIC_SECRET_0, transcriptHash,
                TrafficSecret.Updates.SERVER);
    }

    /** {@code exporter_master_secret}; {@code transcriptHash} covers ClientHello..server Finished. */
    public ExporterSecret exporterMasterSecret(byte[] transcriptHash) {
        byte[] derived = schedule.deriveSecret(secret, "exp master", transcriptHash);
        schedule.report(KeyLog.EXPORTER_SECRET, derived, true);
        return new ExporterSecret(schedule, derived);
    }

    /**
     * {@code resumption_master_secret}; {@code transcriptHash} covers ClientHello..client Finished.
     * The NSS key log has no name for it, so only the observer hears of it, as {@code res master}.
     */
    public ResumptionMasterSecret resumptionMasterSecret(byte[] transcriptHash) {
        byte[] derived = schedule.deriveSecret(secret, "res master", transcriptHash);
        schedule.report("res master", derived, false);
        return new ResumptionMasterSecret(schedule, derived);
    }

    /** For the known-answer tests. */
    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "MasterSecret{" + schedule.cipherSuite() + "}";
    }
}
