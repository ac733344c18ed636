package io.tlslens.stack;

import io.tlslens.wire.AlertDescription;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;

/**
 * The alert for a peer chain the trust manager rejected (RFC 8446 §6.2, RFC 5246 §7.2.2): the most
 * specific one its exception supports, so that the peer learns why. Trust managers wrap the
 * validator's {@link CertPathValidatorException}, whose reason says what was wrong.
 */
public final class CertificateAlerts {

    private CertificateAlerts() {
    }

    /** certificate_expired, certificate_revoked, unsupported_certificate, else certificate_unknown. */
    public static int forRejected(CertificateException rejection) {
        for (Throwable cause = rejection; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return AlertDescription.certificate_expired; // "has expired or is not currently valid"
            }
            if (cause instanceof CertPathValidatorException) {
                CertPathValidatorException.Reason reason = ((CertPathValidatorException) cause).getReason();
                if (reason == BasicReason.EXPIRED || reason == BasicReason.NOT_YET_VALID) {
                    return AlertDescription.certificate_expired;
                }
                if (reason == BasicReason.REVOKED) {
                    return AlertDescription.certificate_revoked;
                }
                if (reason == BasicReason.ALGORITHM_CONSTRAINED) {
                    return AlertDescription.unsupported_certificate;
                }
            }
        }
        return AlertDescription.certificate_unknown;
    }
}
