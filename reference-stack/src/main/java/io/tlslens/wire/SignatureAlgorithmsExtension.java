package io.tlslens.wire;

import java.util.List;

/** signature_algorithms (RFC 8446 §4.2.3, RFC 5246 §7.4.1.4.1): the schemes accepted in CertificateVerify (and, without signature_algorithms_cert, in certificates). */
public final class SignatureAlgorithmsExtension extends CodeListExtension {
    public SignatureAlgorithmsExtension(List<Integer> schemes) {
        super(schemes, 2, 2, SignatureScheme::name);
    }

    @Override
    public int type() {
        return ExtensionType.signature_algorithms;
    }

    /** In wire order, GREASE and unknown values included. */
    public List<Integer> schemes() {
        return codes();
    }
}
