package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlslens.wire.AlertDescription;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.PKIXReason;
import org.junit.jupiter.api.Test;

/**
 * The alert for a rejected chain, from exceptions nested as the JDK's PKIX trust manager nests them
 * (a CertificateException whose cause is the validator's CertPathValidatorException).
 */
class CertificateAlertsTest {

    private static CertificateException rejectedBecause(CertPathValidatorException.Reason reason) {
        return new CertificateException("PKIX path validation failed",
                new CertPathValidatorException("check failed", null, null, -1, reason));
    }

    @Test
    void revokedIsCertificateRevoked() {
        assertEquals(AlertDescription.certificate_revoked, CertificateAlerts.forRejected(rejectedBecause(BasicReason.REVOKED)));
    }

    @Test
    void expiredOrNotYetValidIsCertificateExpired() {
        assertEquals(AlertDescription.certificate_expired, CertificateAlerts.forRejected(rejectedBecause(BasicReason.EXPIRED)));
        assertEquals(AlertDescription.certificate_expired,
                CertificateAlerts.forRejected(rejectedBecause(BasicReason.NOT_YET_VALID)));
        assertEquals(AlertDescription.certificate_expired,
                CertificateAlerts.forRejected(new CertificateExpiredException("NotAfter: ...")));
    }

    @Test
    void algorithmConstrainedIsUnsupportedCertificate() {
        assertEquals(AlertDescription.unsupported_certificate,
                CertificateAlerts.forRejected(rejectedBecause(BasicReason.ALGORITHM_CONSTRAINED)));
    }

    @Test
    void anythingElseIsCertificateUnknown() {
        assertEquals(AlertDescription.certificate_unknown,
                CertificateAlerts.forRejected(rejectedBecause(PKIXReason.NO_TRUST_ANCHOR)));
        assertEquals(AlertDescription.certificate_unknown,
                CertificateAlerts.forRejected(rejectedBecause(BasicReason.UNDETERMINED_REVOCATION_STATUS)));
        assertEquals(AlertDescription.certificate_unknown,
                CertificateAlerts.forRejected(new CertificateException("No subject alternative DNS name matching localhost")));
    }
}
