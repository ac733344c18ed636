package io.tlslens.stack.jsse;

/**
 * The protocols an engine or socket enables until the application says otherwise, which depend on
 * the algorithm its SSLContext was got by, as in SunJSSE: {@code TLS} and {@code Default} follow
 * {@code jdk.tls.client.protocols} / {@code jdk.tls.server.protocols} (operators pin versions with
 * them), while {@code TLSv1.3} and {@code TLSv1.2} name the highest version a client offers and
 * leave a server accepting every version.
 */
enum DefaultProtocols {
    /** {@code TLS} and {@code Default}. */
    CONFIGURABLE,
    /** {@code TLSv1.3}: a client offers TLS 1.3 and 1.2, whatever the properties say. */
    UP_TO_TLS13("TLSv1.3", "TLSv1.2"),
    /** {@code TLSv1.2}: a client offers only TLS 1.2, whatever the properties say. */
    UP_TO_TLS12("TLSv1.2");

    /** Empty for {@link #CONFIGURABLE}. */
    private final String[] client;

    DefaultProtocols(String... client) {
        this.client = client;
    }

    String[] forRole(boolean clientMode) {
        if (this != CONFIGURABLE) {
            return clientMode ? client.clone() : JsseNames.PROTOCOLS.supported();
        }
        return ConnectionParameters.roleDefault(JsseNames.PROTOCOLS,
                clientMode ? "jdk.tls.client.protocols" : "jdk.tls.server.protocols");
    }
}
