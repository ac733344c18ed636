package io.tlslens.wire;

/** post_handshake_auth (RFC 8446 §4.2.6): the client will answer a CertificateRequest after the handshake. */
public final class PostHandshakeAuthExtension extends EmptyExtension {
    @Override
    public int type() {
        return ExtensionType.post_handshake_auth;
    }
}
