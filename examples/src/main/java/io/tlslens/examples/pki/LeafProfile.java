package io.tlslens.examples.pki;

import java.util.List;
import java.util.Optional;

/** What an end-entity certificate says: whom it names, what it may be used for, and when. */
public final class LeafProfile {
    /** The extended key usage of a leaf; JSSE checks it against the side that presents the certificate. */
    public enum Purpose {
        SERVER, CLIENT
    }

    private final String commonName;
    private final Purpose purpose;
    private final List<String> subjectAltNames;
    private final Validity validity;
    private final String crlDistributionPoint;
    private final String ocspResponder;

    /**
     * @param subjectAltNames DNS names and IPv4 literals ({@code localhost}, {@code 127.0.0.1}); an entry
     *                        made of digits and dots becomes an iPAddress name, anything else a dNSName
     */
    public LeafProfile(String commonName, Purpose purpose, List<String> subjectAltNames, Validity validity) {
        this(commonName, purpose, subjectAltNames, validity, null, null);
    }

    private LeafProfile(String commonName, Purpose purpose, List<String> subjectAltNames, Validity validity,
            String crlDistributionPoint, String ocspResponder) {
        this.commonName = commonName;
        this.purpose = purpose;
        this.subjectAltNames = List.copyOf(subjectAltNames);
        this.validity = validity;
        this.crlDistributionPoint = crlDistributionPoint;
        this.ocspResponder = ocspResponder;
    }

    public String commonName() {
        return commonName;
    }

    public Purpose purpose() {
        return purpose;
    }

    public List<String> subjectAltNames() {
        return subjectAltNames;
    }

    public Validity validity() {
        return validity;
    }

    /** Where the issuer publishes its CRL (the cRLDistributionPoints extension), if it says. */
    public Optional<String> crlDistributionPoint() {
        return Optional.ofNullable(crlDistributionPoint);
    }

    /** The issuer's OCSP responder (the authorityInfoAccess extension), if it names one. */
    public Optional<String> ocspResponder() {
        return Optional.ofNullable(ocspResponder);
    }

    public LeafProfile withValidity(Validity other) {
        return new LeafProfile(commonName, purpose, subjectAltNames, other, crlDistributionPoint, ocspResponder);
    }

    public LeafProfile withSubjectAltNames(List<String> names) {
        return new LeafProfile(commonName, purpose, names, validity, crlDistributionPoint, ocspResponder);
    }

    /** The same certificate, telling relying parties where to fetch its issuer's CRL. */
    public LeafProfile withCrlDistributionPoint(String url) {
        return new LeafProfile(commonName, purpose, subjectAltNames, validity, url, ocspResponder);
    }

    /** The same certificate, telling relying parties which OCSP responder answers for it. */
    public LeafProfile withOcspResponder(String url) {
        return new LeafProfile(commonName, purpose, subjectAltNames, validity, crlDistributionPoint, url);
    }
}
