package io.tlslens.stack;

/**
 * Where TLS secrets go when key logging is on, one call per secret, in the NSS key log vocabulary
 * ({@code SSLKEYLOGFILE}); the shape of rustls's {@code KeyLog} trait, so that every TLS stack in
 * TLSLens (SunJSSE through the agent's hooks, and the reference stack) hands its secrets to one
 * implementation.
 *
 * <p>Implementations must not throw, and must not block a handshake for long.
 */
public interface KeyLog {

    /** Logs nothing: the default. */
    KeyLog NONE = (label, clientRandom, secret) -> { };

    /** TLS 1.2 and earlier: the master secret. */
    String CLIENT_RANDOM = "CLIENT_RANDOM";
    /** TLS 1.3 {@code client_early_traffic_secret}. */
    String CLIENT_EARLY_TRAFFIC_SECRET = "CLIENT_EARLY_TRAFFIC_SECRET";
    /** TLS 1.3 {@code client_handshake_traffic_secret}. */
    String CLIENT_HANDSHAKE_TRAFFIC_SECRET = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
    /** TLS 1.3 {@code server_handshake_traffic_secret}. */
    String SERVER_HANDSHAKE_TRAFFIC_SECRET = "SERVER_HANDSHAKE_TRAFFIC_SECRET";
    /** TLS 1.3 {@code client_application_traffic_secret_0}. */
    String CLIENT_TRAFFIC_SECRET_0 = "CLIENT_TRAFFIC_SECRET_0";
    /** TLS 1.3 {@code server_application_traffic_secret_0}. */
    String SERVER_TRAFFIC_SECRET_0 = "SERVER_TRAFFIC_SECRET_0";
    /** TLS 1.3 {@code exporter_master_secret}. */
    String EXPORTER_SECRET = "EXPORTER_SECRET";

    /**
     * Records {@code secret} under {@code label} for the connection whose ClientHello carried
     * {@code clientRandom} (32 bytes). The arrays belong to the callee from here on: a caller
     * passes copies.
     */
    void log(String label, byte[] clientRandom, byte[] secret);
}
