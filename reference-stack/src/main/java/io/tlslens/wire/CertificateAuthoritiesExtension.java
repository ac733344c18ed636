package io.tlslens.wire;

import java.util.List;

/** certificate_authorities (RFC 8446 §4.2.4): DER-encoded X.501 DistinguishedNames of acceptable CAs. */
public final class CertificateAuthoritiesExtension extends Extension {
    private final List<byte[]> authorities;

    public CertificateAuthoritiesExtension(List<byte[]> authorities) {
        this.authorities = Bytes.copy(authorities);
    }

    @Override
    public int type() {
        return ExtensionType.certificate_authorities;
    }

    /** DER DistinguishedNames, copied. */
    public List<byte[]> authorities() {
        return Bytes.copy(authorities);
    }

    @Override
    void writeData(WireWriter w) {
        w.opaqueList(2, 2, authorities);
    }

    @Override
    String describe() {
        return authorities.size() + " names";
    }
}
