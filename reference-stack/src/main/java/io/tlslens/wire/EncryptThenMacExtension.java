package io.tlslens.wire;

/** encrypt_then_mac (RFC 7366): use encrypt-then-MAC with TLS 1.2 CBC suites. */
public final class EncryptThenMacExtension extends EmptyExtension {
    @Override
    public int type() {
        return ExtensionType.encrypt_then_mac;
    }
}
