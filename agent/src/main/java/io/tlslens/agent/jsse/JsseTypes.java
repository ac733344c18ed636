package io.tlslens.agent.jsse;

import java.util.List;

/** Names of the {@code sun.security.ssl} classes TLSLens reads or instruments. */
final class JsseTypes {
    static final String PACKAGE = "sun.security.ssl.";
    static final String TRANSPORT_CONTEXT = PACKAGE + "TransportContext";
    static final String PLAINTEXT = PACKAGE + "Plaintext";
    static final String ALERT = PACKAGE + "Alert";
    static final String OUTPUT_RECORD = PACKAGE + "OutputRecord";
    static final String SSL_SOCKET_IMPL = PACKAGE + "SSLSocketImpl";
    static final String SSL_TRANSPORT = PACKAGE + "SSLTransport";
    static final String T13_CERTIFICATE_CONSUMER = PACKAGE + "CertificateMessage$T13CertificateConsumer";
    static final String T12_CERTIFICATE_CONSUMER = PACKAGE + "CertificateMessage$T12CertificateConsumer";
    static final String HANDSHAKE_CONTEXT = PACKAGE + "HandshakeContext";
    static final String RANDOM_COOKIE = PACKAGE + "RandomCookie";
    static final String SSL_SESSION_IMPL = PACKAGE + "SSLSessionImpl";
    static final String SSL_TRAFFIC_KEY_DERIVATION = PACKAGE + "SSLTrafficKeyDerivation";
    static final String X509_AUTHENTICATION = PACKAGE + "X509Authentication";

    /**
     * The TLS output records. DTLS is left out on purpose (its retransmissions bypass
     * {@code encodeHandshake}), and so is JDK 26's QUIC record, whose inbound path skips
     * {@code TransportContext.dispatch}.
     */
    static final List<String> CONCRETE_OUTPUT_RECORDS =
            List.of(PACKAGE + "SSLSocketOutputRecord", PACKAGE + "SSLEngineOutputRecord");

    private JsseTypes() {
    }
}
