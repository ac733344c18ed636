package io.tlslens.wire;

import java.util.List;

/** signature_algorithms_cert (RFC 8446 §4.2.3): the schemes accepted in certificate signatures. */
public final class SignatureAlgorithmsCertExtension extends CodeListExtension {
    public SignatureAlgorithmsCertExtension(List<Integer> schemes) {
        super(schemes, 2, 2, SignatureScheme::name);
    }

    @Override
    public int type() {
        return ExtensionType.signature_algorithms_cert;
    }

    /** In wire order, GREASE and unknown values included. */
    public List<Integer> schemes() {
        return codes();
    }
}
