package io.tlslens.stack.tls13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.stack.crypto.BcTlsCrypto;
import io.tlslens.wire.CipherSuite;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Tls13CipherSuiteTest {
    @Test
    void lookedUpByIanaCode() {
        assertEquals(Optional.of(Tls13CipherSuite.TLS_AES_128_GCM_SHA256), Tls13CipherSuite.byCode(0x1301));
        assertEquals(Optional.of(Tls13CipherSuite.TLS_AES_256_GCM_SHA384), Tls13CipherSuite.byCode(0x1302));
        assertEquals(Optional.of(Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256), Tls13CipherSuite.byCode(0x1303));
        assertEquals(Optional.empty(), Tls13CipherSuite.byCode(CipherSuite.TLS_AES_128_CCM_SHA256));
        assertEquals(Optional.empty(), Tls13CipherSuite.byCode(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256));
    }

    @Test
    void namesMatchTheRegistryAndTheProviderHasEverything() {
        BcTlsCrypto crypto = new BcTlsCrypto();
        for (Tls13CipherSuite suite : Tls13CipherSuite.values()) {
            assertEquals(CipherSuite.name(suite.code()), suite.name());
            assertTrue(crypto.supportsCipherSuite(suite.code()));
            assertEquals(suite.name().endsWith("SHA384") ? 48 : 32, suite.hash(crypto).length());
            assertEquals(suite.name().contains("128") ? 16 : 32, suite.keyLength());
            assertEquals(12, suite.ivLength());
        }
    }
}
