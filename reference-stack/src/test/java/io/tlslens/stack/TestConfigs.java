package io.tlslens.stack;

import io.tlslens.stack.crypto.BcTlsCrypto;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Client and server configurations over one test PKI, with a leaf of each key type made once. */
final class TestConfigs {
    static final String HOST = "server.test";
    static final TestPki PKI = new TestPki("TLSLens Test CA");
    private static final Map<TestPki.KeyType, CertifiedKey> SERVER_KEYS = new EnumMap<>(TestPki.KeyType.class);

    private TestConfigs() {
    }

    static synchronized CertifiedKey serverKey(TestPki.KeyType type) {
        return SERVER_KEYS.computeIfAbsent(type, t -> PKI.issue(HOST, t));
    }

    static TlsConfig.Builder client() {
        return TlsConfig.client(new BcTlsCrypto()).peerVerifier(PKI.verifier()).serverNames(List.of(HOST));
    }

    static TlsConfig.Builder server() {
        return server(serverKey(TestPki.KeyType.EC_P256));
    }

    static TlsConfig.Builder server(CertifiedKey key) {
        return TlsConfig.server(new BcTlsCrypto()).peerVerifier(PKI.verifier()).credentials(TestPki.credentials(key));
    }
}
