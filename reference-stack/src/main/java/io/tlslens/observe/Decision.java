package io.tlslens.observe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One negotiation decision of the reference stack, e.g. {@code group = x25519} because "first
 * client key share the server supports", with the lists it was taken from. A decision that found
 * nothing acceptable has no outcome; the handshake then fails with the alert the RFC prescribes.
 */
public final class Decision {
    private final String subject;
    private final String outcome;
    private final String reason;
    private final Map<String, List<String>> evidence;

    private Decision(String subject, String outcome, String reason, Map<String, List<String>> evidence) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.outcome = outcome;
        this.reason = Objects.requireNonNull(reason, "reason");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        evidence.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.evidence = java.util.Collections.unmodifiableMap(copy);
    }

    /** A decision that chose {@code outcome}. */
    public static Decision chose(String subject, String outcome, String reason, Map<String, List<String>> evidence) {
        return new Decision(subject, Objects.requireNonNull(outcome, "outcome"), reason, evidence);
    }

    /** A decision that found nothing acceptable. */
    public static Decision none(String subject, String reason, Map<String, List<String>> evidence) {
        return new Decision(subject, null, reason, evidence);
    }

    /**
     * What was decided, in the vocabulary of {@link Subjects}: {@code version}, {@code cipher_suite},
     * {@code group}, ...
     */
    public String subject() {
        return subject;
    }

    /** The IANA name of what was chosen; empty when nothing was. */
    public Optional<String> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** Why, as a sentence fragment an operator can read, e.g. "first client key share the server supports". */
    public String reason() {
        return reason;
    }

    /**
     * The lists the decision was taken from, by name ({@code client.offered}, {@code server.enabled},
     * ...), each in preference order and in IANA names. Insertion order is kept.
     */
    public Map<String, List<String>> evidence() {
        return evidence;
    }

    @Override
    public String toString() {
        return subject + " = " + (outcome == null ? "(none)" : outcome) + ": " + reason + " " + evidence;
    }

    /** The subjects the reference stack decides on. */
    public static final class Subjects {
        public static final String VERSION = "version";
        public static final String CIPHER_SUITE = "cipher_suite";
        public static final String GROUP = "group";
        public static final String HELLO_RETRY = "hello_retry";
        public static final String SIGNATURE_SCHEME = "signature_scheme";
        public static final String CERTIFICATE = "certificate";
        public static final String APPLICATION_PROTOCOL = "application_protocol";
        public static final String SERVER_NAME = "server_name";
        public static final String CLIENT_AUTHENTICATION = "client_authentication";
        public static final String RESUMPTION = "resumption";
        public static final String EARLY_DATA = "early_data";

        private Subjects() {
        }
    }
}
