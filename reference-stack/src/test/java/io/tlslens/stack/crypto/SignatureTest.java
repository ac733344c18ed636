package io.tlslens.stack.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.SignatureScheme;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every signature scheme, with keys as JCA key managers hold them: sign and verify with the
 * provider, cross-checked against the JDK's own implementation both ways; tampered messages and
 * signatures, the wrong key and the wrong key type refused; {@code canSign} by key type, curve
 * and size.
 */
class SignatureTest {
    private static final byte[] MESSAGE = "the transcript hash, with its context string".getBytes();

    private static KeyPair p256;
    private static KeyPair p384;
    private static KeyPair rsa2048;
    private static KeyPair rsa1024;
    private static KeyPair rsaPss;
    private static KeyPair rsaPssSha384Only;
    private static KeyPair ed25519;

    private final BcTlsCrypto crypto = new BcTlsCrypto();

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        p256 = ec("secp256r1");
        p384 = ec("secp384r1");
        rsa2048 = rsa("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        rsa1024 = rsa("RSA", new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F4));
        rsaPss = rsa("RSASSA-PSS", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        rsaPssSha384Only = rsa("RSASSA-PSS", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4,
                new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1)));
        ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** Each scheme, the key that makes it, and the JDK's name for the same algorithm. */
    private static Map<Integer, Object[]> schemes() {
        return Map.ofEntries(
                Map.entry(SignatureScheme.ecdsa_secp256r1_sha256, new Object[] {p256, "SHA256withECDSA", null}),
                Map.entry(SignatureScheme.ecdsa_secp384r1_sha384, new Object[] {p384, "SHA384withECDSA", null}),
                Map.entry(SignatureScheme.rsa_pss_rsae_sha256, new Object[] {rsa2048, "RSASSA-PSS", pss("SHA-256", 32)}),
                Map.entry(SignatureScheme.rsa_pss_rsae_sha384, new Object[] {rsa2048, "RSASSA-PSS", pss("SHA-384", 48)}),
                Map.entry(SignatureScheme.rsa_pss_rsae_sha512, new Object[] {rsa2048, "RSASSA-PSS", pss("SHA-512", 64)}),
                Map.entry(SignatureScheme.rsa_pss_pss_sha256, new Object[] {rsaPss, "RSASSA-PSS", pss("SHA-256", 32)}),
                Map.entry(SignatureScheme.rsa_pss_pss_sha384, new Object[] {rsaPss, "RSASSA-PSS", pss("SHA-384", 48)}),
                Map.entry(SignatureScheme.rsa_pss_pss_sha512, new Object[] {rsaPss, "RSASSA-PSS", pss("SHA-512", 64)}),
                Map.entry(SignatureScheme.ed25519, new Object[] {ed25519, "Ed25519", null}),
                Map.entry(SignatureScheme.rsa_pkcs1_sha256, new Object[] {rsa2048, "SHA256withRSA", null}),
                Map.entry(SignatureScheme.rsa_pkcs1_sha384, new Object[] {rsa2048, "SHA384withRSA", null}),
                Map.entry(SignatureScheme.rsa_pkcs1_sha512, new Object[] {rsa2048, "SHA512withRSA", null}));
    }

    @Test
    void everySchemeSignsAndVerifiesAsTheJdkDoes() throws GeneralSecurityException {
        for (Map.Entry<Integer, Object[]> e : schemes().entrySet()) {
            int scheme = e.getKey();
            String name = SignatureScheme.name(scheme);
            KeyPair keys = (KeyPair) e.getValue()[0];
            assertTrue(crypto.supportsSignatureScheme(scheme), name);
            assertTrue(crypto.canSign(scheme, keys.getPrivate()), name);

            byte[] ours = crypto.sign(scheme, keys.getPrivate(), MESSAGE);
            assertTrue(crypto.verify(scheme, keys.getPublic(), MESSAGE, ours), name);
            Signature jdk = jdk(e.getValue());
            jdk.initVerify(keys.getPublic());
            jdk.update(MESSAGE);
            assertTrue(jdk.verify(ours), name + ": the JDK accepts our signature");

            jdk.initSign(keys.getPrivate());
            jdk.update(MESSAGE);
            byte[] theirs = jdk.sign();
            assertTrue(crypto.verify(scheme, keys.getPublic(), MESSAGE, theirs), name + ": we accept the JDK's");

            byte[] otherMessage = MESSAGE.clone();
            otherMessage[0] ^= 1;
            byte[] otherSignature = ours.clone();
            otherSignature[otherSignature.length / 2] ^= 1;
            assertFalse(crypto.verify(scheme, keys.getPublic(), otherMessage, ours), name + ": other message");
            assertFalse(crypto.verify(scheme, keys.getPublic(), MESSAGE, otherSignature), name + ": tampered signature");
            assertFalse(crypto.verify(scheme, keys.getPublic(), MESSAGE, new byte[0]), name + ": empty signature");
        }
    }

    @Test
    void aSignatureDoesNotVerifyUnderAnotherKeyOrScheme() throws GeneralSecurityException {
        byte[] signature = crypto.sign(SignatureScheme.rsa_pss_rsae_sha256, rsa2048.getPrivate(), MESSAGE);
        assertFalse(crypto.verify(SignatureScheme.rsa_pss_rsae_sha256, rsa1024.getPublic(), MESSAGE, signature));
        assertFalse(crypto.verify(SignatureScheme.rsa_pss_rsae_sha384, rsa2048.getPublic(), MESSAGE, signature));
        assertFalse(crypto.verify(SignatureScheme.rsa_pkcs1_sha256, rsa2048.getPublic(), MESSAGE, signature));
        // RFC 8446 §4.2.3: rsa_pss_pss_* needs an RSASSA-PSS key, rsa_pss_rsae_* an rsaEncryption key
        assertFalse(crypto.verify(SignatureScheme.rsa_pss_pss_sha256, rsa2048.getPublic(), MESSAGE, signature));
        byte[] pssSignature = crypto.sign(SignatureScheme.rsa_pss_pss_sha256, rsaPss.getPrivate(), MESSAGE);
        assertFalse(crypto.verify(SignatureScheme.rsa_pss_rsae_sha256, rsaPss.getPublic(), MESSAGE, pssSignature));

        byte[] ecdsa = crypto.sign(SignatureScheme.ecdsa_secp256r1_sha256, p256.getPrivate(), MESSAGE);
        assertFalse(crypto.verify(SignatureScheme.ecdsa_secp384r1_sha384, p256.getPublic(), MESSAGE, ecdsa));
        assertFalse(crypto.verify(SignatureScheme.ecdsa_secp256r1_sha256, p384.getPublic(), MESSAGE, ecdsa));
        assertFalse(crypto.verify(SignatureScheme.ed25519, p256.getPublic(), MESSAGE, ecdsa));
    }

    @Test
    void canSignMatchesKeyTypeCurveAndSize() {
        assertFalse(crypto.canSign(SignatureScheme.ecdsa_secp384r1_sha384, p256.getPrivate()));
        assertFalse(crypto.canSign(SignatureScheme.ecdsa_secp256r1_sha256, p384.getPrivate()));
        assertFalse(crypto.canSign(SignatureScheme.rsa_pss_pss_sha256, rsa2048.getPrivate()));
        for (int scheme : List.of(SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pkcs1_sha256,
                SignatureScheme.ecdsa_secp256r1_sha256, SignatureScheme.ed25519)) {
            assertFalse(crypto.canSign(scheme, rsaPss.getPrivate()), SignatureScheme.name(scheme));
        }
        assertFalse(crypto.canSign(SignatureScheme.ecdsa_secp256r1_sha256, ed25519.getPrivate()));
        assertFalse(crypto.canSign(SignatureScheme.ed25519, rsa2048.getPrivate()));
        // a 1024-bit modulus leaves no room for SHA-512 and a 64-byte salt (RFC 8017 §9.1.1)
        assertTrue(crypto.canSign(SignatureScheme.rsa_pss_rsae_sha384, rsa1024.getPrivate()));
        assertFalse(crypto.canSign(SignatureScheme.rsa_pss_rsae_sha512, rsa1024.getPrivate()));
        assertTrue(crypto.canSign(SignatureScheme.rsa_pkcs1_sha512, rsa1024.getPrivate()));
        // an RSASSA-PSS key whose parameters name SHA-384 signs with SHA-384 only
        assertTrue(crypto.canSign(SignatureScheme.rsa_pss_pss_sha384, rsaPssSha384Only.getPrivate()));
        assertFalse(crypto.canSign(SignatureScheme.rsa_pss_pss_sha256, rsaPssSha384Only.getPrivate()));
        assertFalse(crypto.canSign(SignatureScheme.rsa_pss_pss_sha512, rsaPssSha384Only.getPrivate()));
        // schemes the provider does not implement
        assertFalse(crypto.supportsSignatureScheme(SignatureScheme.rsa_pkcs1_sha1));
        assertFalse(crypto.supportsSignatureScheme(SignatureScheme.ecdsa_secp521r1_sha512));
        assertFalse(crypto.canSign(SignatureScheme.ecdsa_sha1, p256.getPrivate()));
    }

    @Test
    void signingWithAKeyThatCannotIsRefused() {
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> crypto.sign(SignatureScheme.ecdsa_secp384r1_sha384, p256.getPrivate(), MESSAGE));
        assertEquals("a EC key cannot sign ecdsa_secp384r1_sha384", e.getMessage());
    }

    @Test
    void ecdsaSignaturesAreDeterministicAndPssSignaturesAreSalted() throws GeneralSecurityException {
        // RFC 6979 nonces: no dependence on the quality of the random for ECDSA
        assertEquals(hex(crypto.sign(SignatureScheme.ecdsa_secp256r1_sha256, p256.getPrivate(), MESSAGE)),
                hex(crypto.sign(SignatureScheme.ecdsa_secp256r1_sha256, p256.getPrivate(), MESSAGE)));
        assertFalse(hex(crypto.sign(SignatureScheme.rsa_pss_rsae_sha256, rsa2048.getPrivate(), MESSAGE))
                .equals(hex(crypto.sign(SignatureScheme.rsa_pss_rsae_sha256, rsa2048.getPrivate(), MESSAGE))));
    }

    private static String hex(byte[] b) {
        return Hex.toHexString(b);
    }

    private static Signature jdk(Object[] row) throws GeneralSecurityException {
        Signature signature = Signature.getInstance((String) row[1]);
        if (row[2] != null) {
            signature.setParameter((PSSParameterSpec) row[2]);
        }
        return signature;
    }

    private static PSSParameterSpec pss(String hash, int saltLength) {
        return new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1);
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static KeyPair rsa(String algorithm, RSAKeyGenParameterSpec spec) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(spec);
        return generator.generateKeyPair();
    }
}
