package io.tlslens.examples.pki;

import java.util.List;

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

    /**
     * @param subjectAltNames DNS names and IPv4 literals ({@code localhost}, {@code 127.0.0.1}); an entry
     *                        made of digits and dots becomes an iPAddress name, anything else a dNSName
     */
    public LeafProfile(String commonName, Purpose purpose, List<String> subjectAltNames, Validity validity) {
        this.commonName = commonName;
        this.purpose = purpose;
        this.subjectAltNames = List.copyOf(subjectAltNames);
        this.validity = validity;
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

    public LeafProfile withValidity(Validity other) {
        return new LeafProfile(commonName, purpose, subjectAltNames, other);
    }

    public LeafProfile withSubjectAltNames(List<String> names) {
        return new LeafProfile(commonName, purpose, names, validity);
    }
}
