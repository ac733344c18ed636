package io.tlslens.wire;

import java.util.Optional;

/**
 * ClientKeyExchange (RFC 5246 §7.4.7, RFC 8422 §5.7). For ECDHE and ECDH_anon suites the codec
 * decodes the client's ephemeral public point; other key exchanges (RSA-encrypted premaster,
 * DH, PSK) are kept raw.
 */
public final class ClientKeyExchange extends HandshakeMessage {
    private final KeyExchangeAlgorithm keyExchange;
    private final byte[] publicKey;
    private final byte[] raw;

    private ClientKeyExchange(KeyExchangeAlgorithm keyExchange, byte[] publicKey, byte[] raw) {
        this.keyExchange = keyExchange;
        this.publicKey = publicKey;
        this.raw = raw;
    }

    /** The ECDHE shape: the client's ephemeral point. */
    public static ClientKeyExchange ecdhe(byte[] publicKey) {
        return new ClientKeyExchange(KeyExchangeAlgorithm.ECDHE, publicKey.clone(), null);
    }

    /** Another key exchange's exchange_keys, kept encoded. */
    public static ClientKeyExchange raw(KeyExchangeAlgorithm keyExchange, byte[] exchangeKeys) {
        return new ClientKeyExchange(keyExchange, null, exchangeKeys.clone());
    }

    /** Decodes a body in the shape that {@code cipherSuite} (a {@link CipherSuite} code) gives it. */
    public static ClientKeyExchange decode(byte[] body, int cipherSuite) throws DecodeException {
        return decodeBody(body, r -> decode(r, cipherSuite));
    }

    static ClientKeyExchange decode(WireReader r, int cipherSuite) throws DecodeException {
        KeyExchangeAlgorithm kx = KeyExchangeAlgorithm.of(cipherSuite);
        if (kx == KeyExchangeAlgorithm.ECDHE || kx == KeyExchangeAlgorithm.ECDH_ANON) {
            return new ClientKeyExchange(kx, r.opaque(1, "ecdh_Yc"), null);
        }
        return raw(kx, r.rest());
    }

    @Override
    public int type() {
        return HandshakeType.client_key_exchange;
    }

    public KeyExchangeAlgorithm keyExchange() {
        return keyExchange;
    }

    /** The client's ECDH public point; absent when the body is kept raw. */
    public Optional<byte[]> publicKey() {
        return Optional.ofNullable(publicKey).map(byte[]::clone);
    }

    @Override
    void writeBody(WireWriter w) {
        if (raw != null) {
            w.bytes(raw);
        } else {
            w.opaque(1, publicKey);
        }
    }

    @Override
    String describe() {
        return keyExchange + (raw != null ? ", exchange_keys=" + Bytes.hex(raw) : ", ecdh_Yc=" + Bytes.hex(publicKey));
    }
}
