package io.tlslens.wire;

/**
 * renegotiation_info (RFC 5746 §3.2): empty on a first handshake; on a renegotiation the previous
 * handshake's Finished verify_data, which ties the two handshakes together.
 */
public final class RenegotiationInfoExtension extends OpaqueExtension {
    public RenegotiationInfoExtension(byte[] renegotiatedConnection) {
        super(renegotiatedConnection, 1);
    }

    @Override
    public int type() {
        return ExtensionType.renegotiation_info;
    }

    public byte[] renegotiatedConnection() {
        return value();
    }
}
