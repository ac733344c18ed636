package io.tlslens.wire;

import java.util.List;

/** compress_certificate (RFC 8879 §3): the certificate compression algorithms a peer accepts. */
public final class CompressCertificateExtension extends CodeListExtension {
    public CompressCertificateExtension(List<Integer> algorithms) {
        super(algorithms, 2, 1, CertificateCompressionAlgorithm::name);
    }

    @Override
    public int type() {
        return ExtensionType.compress_certificate;
    }

    /** In wire order, GREASE and unknown values included. */
    public List<Integer> algorithms() {
        return codes();
    }
}
