package io.tlslens.examples.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * What one CA says about the certificates it revoked, in both of the forms a relying party fetches:
 * a CRL (RFC 5280) and OCSP responses (RFC 6960), each signed by the CA's own key. Immutable.
 */
public final class Revocations {
    private static final Duration NEXT_UPDATE = Duration.ofDays(1);

    /** When and why one certificate was revoked. A reason's ordinal is its RFC 5280 CRLReason code. */
    private static final class Entry {
        final Instant when;
        final CRLReason reason;

        Entry(Instant when, CRLReason reason) {
            this.when = when;
            this.reason = reason;
        }
    }

    private final CertificateAuthority issuer;
    private final Map<BigInteger, Entry> revoked;

    private Revocations(CertificateAuthority issuer, Map<BigInteger, Entry> revoked) {
        this.issuer = issuer;
        this.revoked = Map.copyOf(revoked);
    }

    /** The CA has revoked nothing yet. */
    public static Revocations none(CertificateAuthority issuer) {
        return new Revocations(issuer, Map.of());
    }

    /** These revocations and {@code certificate}'s, which must be one the CA issued. */
    public Revocations revoke(X509Certificate certificate, Instant when, CRLReason reason) {
        Map<BigInteger, Entry> more = new HashMap<>(revoked);
        more.put(certificate.getSerialNumber(), new Entry(when, reason));
        return new Revocations(issuer, more);
    }

    /** The CA's CRL, DER-encoded, issued at {@code now} and due again a day later. */
    public byte[] crl(Instant now) throws GeneralSecurityException {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuerName(), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(NEXT_UPDATE)));
        revoked.forEach((serial, entry) ->
                builder.addCRLEntry(serial, Date.from(entry.when), entry.reason.ordinal()));
        X509CRLHolder crl = builder.build(issuer.signer());
        try {
            return crl.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException("a CRL just built always encodes", e);
        }
    }

    /**
     * The CA's answer to a DER-encoded OCSP request: for each certificate asked about, revoked (when,
     * why) or good, signed by the CA itself. A request that is not OCSP gets {@code malformedRequest}.
     */
    public byte[] ocspResponse(byte[] request, Instant now) {
        try {
            OCSPReq ocspRequest = new OCSPReq(request);
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuerName()));
            for (Req req : ocspRequest.getRequestList()) {
                CertificateID id = req.getCertID();
                Entry entry = revoked.get(id.getSerialNumber());
                CertificateStatus status = entry == null ? CertificateStatus.GOOD
                        : new RevokedStatus(Date.from(entry.when), entry.reason.ordinal());
                builder.addResponse(id, status, Date.from(now), Date.from(now.plus(NEXT_UPDATE)));
            }
            X509CertificateHolder[] chain = {new JcaX509CertificateHolder(issuer.certificate())};
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(issuer.signer(), chain, Date.from(now))).getEncoded();
        } catch (IOException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        } catch (OCSPException | GeneralSecurityException e) {
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    /** An OCSP responder that cannot answer now: {@code tryLater}, with no response in it. */
    public static byte[] ocspTryLater() {
        return status(OCSPRespBuilder.TRY_LATER);
    }

    private static byte[] status(int responseStatus) {
        try {
            OCSPResp response = new OCSPRespBuilder().build(responseStatus, null);
            return response.getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("a bare OCSP status always encodes", e);
        }
    }

    private X500Name issuerName() {
        return X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    }
}
