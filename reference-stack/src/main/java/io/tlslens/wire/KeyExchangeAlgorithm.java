package io.tlslens.wire;

/**
 * The key exchange a TLS 1.2 (and earlier) cipher suite names (RFC 5246 §7.4.3, RFC 8422 §2,
 * RFC 4279, RFC 5489). It decides the shape of ServerKeyExchange and ClientKeyExchange, which carry
 * no type of their own.
 */
public enum KeyExchangeAlgorithm {
    /** ECDHE_ECDSA, ECDHE_RSA: signed ServerECDHParams. */
    ECDHE,
    /** ECDH_anon: unsigned ServerECDHParams. */
    ECDH_ANON,
    /** ECDH_ECDSA, ECDH_RSA: the server's key is in its certificate; no ServerKeyExchange. */
    ECDH,
    DHE,
    DH_ANON,
    DH,
    RSA,
    PSK,
    ECDHE_PSK,
    DHE_PSK,
    RSA_PSK,
    SRP,
    /** TLS 1.3 suites and signalling values, which name no key exchange. */
    NONE,
    /** A code point this codec does not know. */
    UNKNOWN;

    /** The key exchange of a cipher suite, read from its IANA name {@code TLS_<kx>_WITH_<cipher>}. */
    public static KeyExchangeAlgorithm of(int cipherSuite) {
        String name = CipherSuite.name(cipherSuite);
        if (!name.startsWith("TLS_")) {
            return UNKNOWN;
        }
        int with = name.indexOf("_WITH_");
        if (with < 0) {
            return NONE;
        }
        String kx = name.substring(4, with);
        if (kx.startsWith("ECDHE_PSK")) {
            return ECDHE_PSK;
        } else if (kx.startsWith("ECDHE_")) {
            return ECDHE;
        } else if (kx.startsWith("ECDH_anon")) {
            return ECDH_ANON;
        } else if (kx.startsWith("ECDH_")) {
            return ECDH;
        } else if (kx.startsWith("DHE_PSK") || kx.startsWith("PSK_DHE")) {
            return DHE_PSK;
        } else if (kx.startsWith("DHE_")) {
            return DHE;
        } else if (kx.startsWith("DH_anon")) {
            return DH_ANON;
        } else if (kx.startsWith("DH_")) {
            return DH;
        } else if (kx.startsWith("RSA_PSK")) {
            return RSA_PSK;
        } else if (kx.startsWith("RSA")) {
            return RSA;
        } else if (kx.startsWith("PSK")) {
            return PSK;
        } else if (kx.startsWith("SRP_")) {
            return SRP;
        }
        return kx.equals("NULL") ? NONE : UNKNOWN;
    }
}
