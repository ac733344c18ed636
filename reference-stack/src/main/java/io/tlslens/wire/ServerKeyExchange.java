package io.tlslens.wire;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * ServerKeyExchange (RFC 5246 §7.4.3, RFC 8422 §5.4). Its shape is chosen by the cipher suite's key
 * exchange: for ECDHE (signed) and ECDH_anon the codec decodes the ServerECDHParams
 * (curve_type named_curve, the group, the public point) and, when signed, the signature, preceded
 * from TLS 1.2 on by its SignatureAndHashAlgorithm. Other key exchanges are kept raw.
 */
public final class ServerKeyExchange extends HandshakeMessage {
    /** ECCurveType named_curve (RFC 8422 §5.4), the only curve type RFC 8422 still allows. */
    private static final int NAMED_CURVE = 3;

    private final KeyExchangeAlgorithm keyExchange;
    private final int namedGroup;
    private final byte[] publicKey;
    private final int signatureScheme;
    private final byte[] signature;
    private final byte[] raw;

    private ServerKeyExchange(KeyExchangeAlgorithm keyExchange, int namedGroup, byte[] publicKey,
            int signatureScheme, byte[] signature, byte[] raw) {
        this.keyExchange = keyExchange;
        this.namedGroup = namedGroup;
        this.publicKey = publicKey;
        this.signatureScheme = signatureScheme;
        this.signature = signature;
        this.raw = raw;
    }

    /** Signed ECDHE parameters; {@code signatureScheme} -1 for TLS 1.0 and 1.1, which do not name it. */
    public static ServerKeyExchange ecdhe(int namedGroup, byte[] publicKey, int signatureScheme, byte[] signature) {
        return new ServerKeyExchange(KeyExchangeAlgorithm.ECDHE, namedGroup, publicKey.clone(), signatureScheme,
                signature.clone(), null);
    }

    /** Unsigned ECDH_anon parameters. */
    public static ServerKeyExchange ecdhAnon(int namedGroup, byte[] publicKey) {
        return new ServerKeyExchange(KeyExchangeAlgorithm.ECDH_ANON, namedGroup, publicKey.clone(), -1, null, null);
    }

    /** Parameters of another key exchange, kept encoded. */
    public static ServerKeyExchange raw(KeyExchangeAlgorithm keyExchange, byte[] params) {
        return new ServerKeyExchange(keyExchange, -1, null, -1, null, params.clone());
    }

    /**
     * Decodes a body in the shape that {@code version} (a {@link ProtocolVersion} code) and
     * {@code cipherSuite} (a {@link CipherSuite} code) give it.
     */
    public static ServerKeyExchange decode(byte[] body, int version, int cipherSuite) throws DecodeException {
        return decodeBody(body, r -> decode(r, version, cipherSuite));
    }

    static ServerKeyExchange decode(WireReader r, int version, int cipherSuite) throws DecodeException {
        KeyExchangeAlgorithm kx = KeyExchangeAlgorithm.of(cipherSuite);
        if (kx != KeyExchangeAlgorithm.ECDHE && kx != KeyExchangeAlgorithm.ECDH_ANON) {
            return raw(kx, r.rest());
        }
        int at = r.position();
        int curveType = r.u8("curve_type");
        if (curveType != NAMED_CURVE) {
            throw new DecodeException("curve_type: " + curveType + " is not named_curve(3); explicit curves are not supported", at);
        }
        int group = r.u16("namedcurve");
        byte[] point = r.opaque(1, "point");
        if (kx == KeyExchangeAlgorithm.ECDH_ANON) {
            return ecdhAnon(group, point);
        }
        int scheme = ProtocolVersion.hasSignatureAlgorithm(version) ? r.u16("algorithm") : -1;
        return ecdhe(group, point, scheme, r.opaque(2, "signature"));
    }

    @Override
    public int type() {
        return HandshakeType.server_key_exchange;
    }

    public KeyExchangeAlgorithm keyExchange() {
        return keyExchange;
    }

    /** The ECDH group; absent when the parameters are kept raw. */
    public OptionalInt namedGroup() {
        return raw == null ? OptionalInt.of(namedGroup) : OptionalInt.empty();
    }

    /** The server's ephemeral public point; absent when the parameters are kept raw. */
    public Optional<byte[]> publicKey() {
        return Optional.ofNullable(publicKey).map(byte[]::clone);
    }

    /** The signature's algorithm; absent before TLS 1.2, for anonymous and for raw parameters. */
    public OptionalInt signatureScheme() {
        return signatureScheme < 0 ? OptionalInt.empty() : OptionalInt.of(signatureScheme);
    }

    /** The signature over the randoms and parameters; absent for anonymous and raw parameters. */
    public Optional<byte[]> signature() {
        return Optional.ofNullable(signature).map(byte[]::clone);
    }

    @Override
    void writeBody(WireWriter w) {
        if (raw != null) {
            w.bytes(raw);
            return;
        }
        w.u8(NAMED_CURVE).u16(namedGroup).opaque(1, publicKey);
        if (signature != null) {
            if (signatureScheme >= 0) {
                w.u16(signatureScheme);
            }
            w.opaque(2, signature);
        }
    }

    @Override
    String describe() {
        if (raw != null) {
            return keyExchange + ", params=" + Bytes.hex(raw);
        }
        return keyExchange + ", named_curve=" + NamedGroup.name(namedGroup) + ", point=" + Bytes.hex(publicKey)
                + (signatureScheme >= 0 ? ", algorithm=" + SignatureScheme.name(signatureScheme) : "")
                + (signature != null ? ", signature=" + Bytes.hex(signature) : "");
    }
}
