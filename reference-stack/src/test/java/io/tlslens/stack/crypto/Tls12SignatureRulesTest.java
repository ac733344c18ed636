package io.tlslens.stack.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/**
 * TLS 1.2 reads ecdsa_* schemes as naming the hash only (RFC 5246 §7.4.1.4.1, RFC 8422 §5.1.3):
 * a P-384 key signs ecdsa_secp256r1_sha256 there, which TLS 1.3 refuses (RFC 8446 §4.2.3).
 */
class Tls12SignatureRulesTest {
    private static final byte[] MESSAGE = "client_random + server_random + params".getBytes(StandardCharsets.US_ASCII);

    @Test
    void ecdsaSchemesNameTheHashOnlyInTls12() throws Exception {
        TlsCrypto crypto = new BcTlsCrypto();
        KeyPair p384 = ec("secp384r1");
        int scheme = SignatureScheme.ecdsa_secp256r1_sha256;

        assertFalse(crypto.canSign(scheme, p384.getPrivate()));
        assertTrue(crypto.canSign(ProtocolVersion.TLSv1_2, scheme, p384.getPrivate()));
        byte[] signature = crypto.sign(ProtocolVersion.TLSv1_2, scheme, p384.getPrivate(), MESSAGE);
        assertTrue(crypto.verify(ProtocolVersion.TLSv1_2, scheme, p384.getPublic(), MESSAGE, signature));
        assertFalse(crypto.verify(ProtocolVersion.TLSv1_3, scheme, p384.getPublic(), MESSAGE, signature));
        assertFalse(crypto.verify(ProtocolVersion.TLSv1_2, SignatureScheme.ecdsa_secp384r1_sha384, p384.getPublic(), MESSAGE, signature),
                "the hash is still the scheme's");
    }

    @Test
    void tls12StillTiesKeyTypes() throws Exception {
        TlsCrypto crypto = new BcTlsCrypto();
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertFalse(crypto.canSign(ProtocolVersion.TLSv1_2, SignatureScheme.ecdsa_secp256r1_sha256, rsa.getPrivate()));
        assertFalse(crypto.canSign(ProtocolVersion.TLSv1_2, SignatureScheme.rsa_pss_rsae_sha256, ec("secp256r1").getPrivate()));
    }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }
}
