package io.tlslens.wire;

/** extended_master_secret (RFC 7627): bind the TLS 1.2 master secret to the handshake transcript. */
public final class ExtendedMasterSecretExtension extends EmptyExtension {
    @Override
    public int type() {
        return ExtensionType.extended_master_secret;
    }
}
