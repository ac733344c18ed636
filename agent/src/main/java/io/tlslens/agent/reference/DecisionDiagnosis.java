package io.tlslens.agent.reference;

import io.tlslens.agent.diagnosis.Diagnosis;
import io.tlslens.agent.diagnosis.ErrorType;
import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.RecordedDecision;
import io.tlslens.observe.Decision;
import io.tlslens.wire.AlertDescription;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a reference-stack handshake failed when the stack itself gave up on one of its decisions:
 * the last decision it took found nothing acceptable. The decision names the cause exactly and
 * carries the lists it compared, so no guessing from exception messages is needed. Handshakes that
 * failed otherwise (a certificate the trust manager refused, the peer's alert, a closed socket)
 * are left to the general diagnosis.
 */
public final class DecisionDiagnosis {

    private DecisionDiagnosis() {
    }

    /** The diagnosis from the decision this side failed on; {@code null} when it did not fail on one. */
    public static Diagnosis of(HandshakeRecord record) {
        Failure failure = record.failure();
        List<RecordedDecision> decisions = record.decisions();
        if (failure == null || failure.origin() != Failure.Origin.LOCAL_ERROR || decisions.isEmpty()) {
            return null;
        }
        RecordedDecision last = decisions.get(decisions.size() - 1);
        if (!last.failed() || isTrustDecision(last.decision(), failure)) {
            return null;
        }
        Decision failed = last.decision();
        String alert = failure.alert() < 0 ? null : AlertDescription.name(failure.alert());
        return new Diagnosis(errorType(failed.subject()), Diagnosis.Side.LOCAL, alert, detail(failed),
                hint(failed.subject()));
    }

    /**
     * A peer's chain the trust manager refused: its exception says more (expired, untrusted,
     * another host's name) than the decision, so the general diagnosis reads it.
     */
    private static boolean isTrustDecision(Decision decision, Failure failure) {
        if (!Decision.Subjects.CERTIFICATE.equals(decision.subject())) {
            return false;
        }
        for (Throwable t = failure.cause(); t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /** "No acceptable cipher suite: (reason) (client.offered: [...]; server.enabled: [...])." */
    static String detail(Decision decision) {
        StringBuilder detail = new StringBuilder("No acceptable ")
                .append(decision.subject().replace('_', ' '))
                .append(": ").append(decision.reason());
        Map<String, List<String>> evidence = decision.evidence();
        if (!evidence.isEmpty()) {
            detail.append(evidence.entrySet().stream()
                    .map(list -> list.getKey() + ": " + list.getValue())
                    .collect(Collectors.joining("; ", " (", ")")));
        }
        return detail.append('.').toString();
    }

    private static String errorType(String subject) {
        switch (subject) {
            case Decision.Subjects.VERSION:
                return ErrorType.PROTOCOL_VERSION_MISMATCH;
            case Decision.Subjects.CIPHER_SUITE:
                return ErrorType.NO_COMMON_CIPHER_SUITE;
            case Decision.Subjects.GROUP:
            case Decision.Subjects.HELLO_RETRY:
                return ErrorType.NO_COMMON_GROUP;
            case Decision.Subjects.SIGNATURE_SCHEME:
            case Decision.Subjects.CERTIFICATE:
                return ErrorType.SIGNATURE_ALGORITHM_MISMATCH;
            case Decision.Subjects.APPLICATION_PROTOCOL:
                return ErrorType.NO_COMMON_APPLICATION_PROTOCOL;
            case Decision.Subjects.SERVER_NAME:
                return ErrorType.UNRECOGNIZED_NAME;
            case Decision.Subjects.CLIENT_AUTHENTICATION:
                return ErrorType.CLIENT_CERTIFICATE_REQUIRED;
            default:
                return ErrorType.OTHER;
        }
    }

    private static String hint(String subject) {
        switch (subject) {
            case Decision.Subjects.VERSION:
                return "Enable a TLS version both sides support (SSLParameters.setProtocols on either side).";
            case Decision.Subjects.CIPHER_SUITE:
                return "Enable a cipher suite both sides support (SSLParameters.setCipherSuites): compare the "
                        + "two lists in the detail.";
            case Decision.Subjects.GROUP:
            case Decision.Subjects.HELLO_RETRY:
                return "Enable a key exchange group both sides support (SSLParameters.setNamedGroups): compare the "
                        + "two lists in the detail.";
            case Decision.Subjects.SIGNATURE_SCHEME:
            case Decision.Subjects.CERTIFICATE:
                return "Use a certificate whose key type the peer accepts, or enable a signature scheme both sides "
                        + "support (SSLParameters.setSignatureSchemes).";
            case Decision.Subjects.APPLICATION_PROTOCOL:
                return "Offer an application protocol the server supports (SSLParameters.setApplicationProtocols).";
            case Decision.Subjects.SERVER_NAME:
                return "Connect with a name the server is configured for, or add the name to its SNI matchers "
                        + "(SSLParameters.setSNIMatchers).";
            case Decision.Subjects.CLIENT_AUTHENTICATION:
                return "Give the client a key store with a certificate from a CA the server trusts.";
            default:
                return "Compare the lists in the detail: the two sides' settings have nothing in common there.";
        }
    }
}
