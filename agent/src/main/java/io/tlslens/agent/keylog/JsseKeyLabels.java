package io.tlslens.agent.keylog;

import io.tlslens.stack.KeyLog;

/**
 * Which NSS key log line a secret handed to SunJSSE's
 * {@code SSLTrafficKeyDerivation.createKeyDerivation(HandshakeContext, SecretKey)} makes.
 *
 * <p>For TLS 1.2 and earlier ({@code SSL30}, {@code TLS10}, {@code TLS12}) that secret is always
 * the master secret. For TLS 1.3 it is a traffic secret, and the JDK names it in the key's
 * algorithm ({@code SecretKey.getAlgorithm()} is the label the JDK derived it under).
 */
public final class JsseKeyLabels {

    private JsseKeyLabels() {
    }

    /**
     * The NSS label, or {@code null} for a secret that has no line of its own (a KeyUpdate's
     * next secret, which Wireshark derives itself, or a version this build does not know).
     *
     * @param derivation the {@code SSLTrafficKeyDerivation} constant's name
     * @param algorithm  the secret's {@code getAlgorithm()}
     */
    public static String nssLabel(String derivation, String algorithm) {
        if (derivation == null) {
            return null;
        }
        switch (derivation) {
            case "SSL30":
            case "TLS10":
            case "TLS12":
                return KeyLog.CLIENT_RANDOM;
            case "TLS13":
                return tls13Label(algorithm);
            default:
                return null;
        }
    }

    /** The NSS label of a TLS 1.3 secret the JDK derived under {@code algorithm}, or {@code null}. */
    public static String tls13Label(String algorithm) {
        if (algorithm == null) {
            return null;
        }
        switch (algorithm) {
            case "TlsClientHandshakeTrafficSecret":
                return KeyLog.CLIENT_HANDSHAKE_TRAFFIC_SECRET;
            case "TlsServerHandshakeTrafficSecret":
                return KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET;
            case "TlsClientAppTrafficSecret":
                return KeyLog.CLIENT_TRAFFIC_SECRET_0;
            case "TlsServerAppTrafficSecret":
                return KeyLog.SERVER_TRAFFIC_SECRET_0;
            case "TlsExporterMasterSecret":
                return KeyLog.EXPORTER_SECRET;
            default:
                return null;
        }
    }
}
