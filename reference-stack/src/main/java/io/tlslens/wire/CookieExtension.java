package io.tlslens.wire;

/** cookie (RFC 8446 §4.2.2): state a server sends in HelloRetryRequest for the client to echo. */
public final class CookieExtension extends OpaqueExtension {
    public CookieExtension(byte[] cookie) {
        super(cookie, 2);
    }

    @Override
    public int type() {
        return ExtensionType.cookie;
    }

    public byte[] cookie() {
        return value();
    }
}
