package io.tlslens.interop;

import java.util.List;

/** The implementation the interop tests are about, and the peers they run it against. */
final class Interop {
    static final Peer SUN_JSSE = new JssePeer(JsseStack.SUN_JSSE);
    static final Peer BC_JSSE = new JssePeer(JsseStack.BC_JSSE);
    static final OpenSslPeer OPENSSL = new OpenSslPeer();
    static final Peer UNDER_TEST = new JssePeer(JsseStack.TLSLENS);

    /** Every peer. */
    static final List<Peer> PEERS = List.of(SUN_JSSE, BC_JSSE, OPENSSL);
    /** The peers that can be told which cipher suites and groups to allow on each connection. */
    static final List<Peer> RESTRICTABLE_PEERS = List.of(BC_JSSE, OPENSSL);

    static final List<String> TLS13_CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    /** The TLS 1.2 suites of an ECDSA certificate (RFC 5289, RFC 7905). */
    static final List<String> TLS12_ECDSA_CIPHER_SUITES = List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    /** The TLS 1.2 suites of an RSA certificate. */
    static final List<String> TLS12_RSA_CIPHER_SUITES = List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    static final List<String> GROUPS = List.of("x25519", "secp256r1", "secp384r1");

    private Interop() {
    }
}
