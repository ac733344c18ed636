package io.tlslens.wire;

/**
 * TLS SignatureScheme (IANA registry; RFC 8446 §4.2.3, RFC 8603, RFC 8734, RFC 8998) and, since a
 * SignatureScheme is wire-compatible with TLS 1.2's SignatureAndHashAlgorithm (RFC 5246 §7.4.1.4.1),
 * the hash/signature pairs that TLS 1.2 peers such as SunJSSE still send.
 *
 * <p>Field names are the IANA names, except that the pairs IANA lists only as
 * {@code dsa_sha1_RESERVED} and the like, and the pairs it does not list, carry the name SunJSSE
 * gives them ({@code dsa_sha256}, {@code rsa_sha224}), derived as {@code <signature>_<hash>}.
 */
public final class SignatureScheme {
    public static final int rsa_pkcs1_sha1 = 0x0201;
    public static final int ecdsa_sha1 = 0x0203;
    public static final int rsa_pkcs1_sha256 = 0x0401;
    public static final int ecdsa_secp256r1_sha256 = 0x0403;
    public static final int rsa_pkcs1_sha384 = 0x0501;
    public static final int ecdsa_secp384r1_sha384 = 0x0503;
    public static final int rsa_pkcs1_sha512 = 0x0601;
    public static final int ecdsa_secp521r1_sha512 = 0x0603;
    public static final int rsa_pkcs1_sha256_legacy = 0x0420;
    public static final int rsa_pkcs1_sha384_legacy = 0x0520;
    public static final int rsa_pkcs1_sha512_legacy = 0x0620;
    public static final int eccsi_sha256 = 0x0704;
    public static final int iso_ibs1 = 0x0705;
    public static final int iso_ibs2 = 0x0706;
    public static final int iso_chinese_ibs = 0x0707;
    public static final int sm2sig_sm3 = 0x0708;
    public static final int gostr34102012_256a = 0x0709;
    public static final int gostr34102012_256b = 0x070A;
    public static final int gostr34102012_256c = 0x070B;
    public static final int gostr34102012_256d = 0x070C;
    public static final int gostr34102012_512a = 0x070D;
    public static final int gostr34102012_512b = 0x070E;
    public static final int gostr34102012_512c = 0x070F;
    public static final int rsa_pss_rsae_sha256 = 0x0804;
    public static final int rsa_pss_rsae_sha384 = 0x0805;
    public static final int rsa_pss_rsae_sha512 = 0x0806;
    public static final int ed25519 = 0x0807;
    public static final int ed448 = 0x0808;
    public static final int rsa_pss_pss_sha256 = 0x0809;
    public static final int rsa_pss_pss_sha384 = 0x080A;
    public static final int rsa_pss_pss_sha512 = 0x080B;
    public static final int ecdsa_brainpoolP256r1tls13_sha256 = 0x081A;
    public static final int ecdsa_brainpoolP384r1tls13_sha384 = 0x081B;
    public static final int ecdsa_brainpoolP512r1tls13_sha512 = 0x081C;
    public static final int mldsa44 = 0x0904;
    public static final int mldsa65 = 0x0905;
    public static final int mldsa87 = 0x0906;

    // TLS 1.2 SignatureAndHashAlgorithm pairs that SunJSSE offers (RFC 5246 §7.4.1.4.1).
    public static final int dsa_sha1 = 0x0202;
    public static final int rsa_sha224 = 0x0301;
    public static final int dsa_sha224 = 0x0302;
    public static final int ecdsa_sha224 = 0x0303;
    public static final int dsa_sha256 = 0x0402;

    // RFC 5246 HashAlgorithm and SignatureAlgorithm names, indexed by their code.
    private static final String[] HASHES = {"none", "md5", "sha1", "sha224", "sha256", "sha384", "sha512"};
    private static final String[] SIGNATURES = {"anonymous", "rsa", "dsa", "ecdsa"};

    private static final Registry NAMES = Registry.withGrease(SignatureScheme.class, 2);

    private SignatureScheme() {
    }

    /**
     * The IANA name, e.g. {@code ecdsa_secp256r1_sha256}; for other TLS 1.2 hash/signature pairs
     * {@code <signature>_<hash>}, e.g. {@code dsa_sha384}; else {@code GREASE(..)} or {@code unknown(..)}.
     */
    public static String name(int code) {
        int hash = code >> 8;
        int signature = code & 0xff;
        if (!NAMES.contains(code) && hash < HASHES.length && signature < SIGNATURES.length) {
            return SIGNATURES[signature] + "_" + HASHES[hash];
        }
        return NAMES.name(code);
    }
}
