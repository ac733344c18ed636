package io.tlslens.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The attribute names of the telemetry contract (DESIGN.md). OpenTelemetry semantic conventions
 * where they define one ({@code tls.*}, {@code server.*}, {@code network.*}, {@code error.type});
 * {@code tlslens.*} otherwise.
 */
public final class TlsAttributes {

    public static final AttributeKey<String> PROTOCOL_NAME = AttributeKey.stringKey("tls.protocol.name");
    public static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("tls.protocol.version");
    public static final AttributeKey<String> CIPHER = AttributeKey.stringKey("tls.cipher");
    public static final AttributeKey<String> CURVE = AttributeKey.stringKey("tls.curve");
    public static final AttributeKey<String> NEXT_PROTOCOL = AttributeKey.stringKey("tls.next_protocol");
    public static final AttributeKey<Boolean> ESTABLISHED = AttributeKey.booleanKey("tls.established");
    public static final AttributeKey<Boolean> RESUMED = AttributeKey.booleanKey("tls.resumed");
    public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    public static final AttributeKey<String> PEER_ADDRESS = AttributeKey.stringKey("network.peer.address");
    public static final AttributeKey<Long> PEER_PORT = AttributeKey.longKey("network.peer.port");
    public static final AttributeKey<List<String>> CLIENT_SUPPORTED_CIPHERS =
            AttributeKey.stringArrayKey("tls.client.supported_ciphers");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    public static final AttributeKey<String> CLIENT_JA3 = AttributeKey.stringKey("tls.client.ja3");

    public static final AttributeKey<String> ROLE = AttributeKey.stringKey("tlslens.role");
    public static final AttributeKey<String> STACK = AttributeKey.stringKey("tlslens.stack");
    public static final AttributeKey<List<String>> CLIENT_VERSIONS = AttributeKey.stringArrayKey("tlslens.client.versions");
    public static final AttributeKey<List<String>> CLIENT_GROUPS = AttributeKey.stringArrayKey("tlslens.client.groups");
    public static final AttributeKey<List<String>> CLIENT_KEY_SHARE_GROUPS =
            AttributeKey.stringArrayKey("tlslens.client.key_share_groups");
    public static final AttributeKey<List<String>> CLIENT_SIGNATURE_ALGORITHMS =
            AttributeKey.stringArrayKey("tlslens.client.signature_algorithms");
    public static final AttributeKey<List<String>> CLIENT_ALPN = AttributeKey.stringArrayKey("tlslens.client.alpn");
    public static final AttributeKey<String> CLIENT_JA4 = AttributeKey.stringKey("tlslens.client.ja4");
    public static final AttributeKey<Boolean> HELLO_RETRY = AttributeKey.booleanKey("tlslens.hello_retry");
    public static final AttributeKey<String> SIGNATURE_SCHEME = AttributeKey.stringKey("tlslens.signature_scheme");
    public static final AttributeKey<Double> CERTIFICATE_CHECK_DURATION =
            AttributeKey.doubleKey("tlslens.certificate_check.duration");
    public static final AttributeKey<Double> KEY_SELECTION_DURATION =
            AttributeKey.doubleKey("tlslens.key_selection.duration");
    public static final AttributeKey<Boolean> POST_HANDSHAKE = AttributeKey.booleanKey("tlslens.post_handshake");
    public static final AttributeKey<String> FAILURE_SIDE = AttributeKey.stringKey("tlslens.failure.side");
    public static final AttributeKey<String> FAILURE_ALERT = AttributeKey.stringKey("tlslens.failure.alert");
    public static final AttributeKey<String> FAILURE_DETAIL = AttributeKey.stringKey("tlslens.failure.detail");
    public static final AttributeKey<String> FAILURE_HINT = AttributeKey.stringKey("tlslens.failure.hint");
    public static final AttributeKey<String> FAILURE_EXCEPTION = AttributeKey.stringKey("tlslens.failure.exception");

    /** Event attributes. */
    public static final AttributeKey<String> DIRECTION = AttributeKey.stringKey("tlslens.direction");
    public static final AttributeKey<Long> MESSAGE_LENGTH = AttributeKey.longKey("tlslens.message.length");

    /** The span event of a reference-stack negotiation decision, and its attributes. */
    public static final String DECISION_EVENT = "tlslens.decision";
    public static final AttributeKey<String> DECISION_SUBJECT = AttributeKey.stringKey("tlslens.decision.subject");
    /** Absent when the decision found nothing acceptable. */
    public static final AttributeKey<String> DECISION_OUTCOME = AttributeKey.stringKey("tlslens.decision.outcome");
    public static final AttributeKey<String> DECISION_REASON = AttributeKey.stringKey("tlslens.decision.reason");
    /** Followed by the evidence list's name, e.g. {@code tlslens.decision.evidence.client.offered}. */
    public static final String DECISION_EVIDENCE_PREFIX = "tlslens.decision.evidence.";

    private TlsAttributes() {
    }

    /** The certificate attributes of one party: {@code tls.server.*} or {@code tls.client.*}. */
    public static final class CertificateKeys {
        public static final CertificateKeys SERVER = new CertificateKeys("tls.server.");
        public static final CertificateKeys CLIENT = new CertificateKeys("tls.client.");

        public final AttributeKey<String> subject;
        public final AttributeKey<String> issuer;
        public final AttributeKey<String> notBefore;
        public final AttributeKey<String> notAfter;
        public final AttributeKey<String> sha256;

        private CertificateKeys(String prefix) {
            subject = AttributeKey.stringKey(prefix + "subject");
            issuer = AttributeKey.stringKey(prefix + "issuer");
            notBefore = AttributeKey.stringKey(prefix + "not_before");
            notAfter = AttributeKey.stringKey(prefix + "not_after");
            sha256 = AttributeKey.stringKey(prefix + "hash.sha256");
        }
    }
}
