package io.tlslens.stack.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.CipherSuite;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The AEADs of every suite the provider supports: known answers, round trips, and every tampering refused. */
class AeadTest {
    private final BcTlsCrypto crypto = new BcTlsCrypto();
    private final SecureRandom random = new SecureRandom();

    /** RFC 8439 §2.8.2. */
    @Test
    void chaCha20Poly1305KnownAnswer() throws AEADBadTagException {
        byte[] key = Hex.decode("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = Hex.decode("070000004041424344454647");
        byte[] aad = Hex.decode("50515253c0c1c2c3c4c5c6c7");
        byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future,"
                + " sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        String sealed = "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
                + "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3f"
                + "f4def08e4b7a9de576d26586cec64b6116" + "1ae10b594f09e26a7e902ecbd0600691";
        Aead aead = crypto.aead(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, key);
        assertEquals(sealed, Hex.toHexString(aead.seal(nonce, aad, plaintext)));
        Aead opener = crypto.aead(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, key);
        assertArrayEquals(plaintext, opener.open(nonce, aad, Hex.decode(sealed)));
    }

    /** McGrew–Viega GCM test case 14 (AES-256, zero key and IV, one zero block). */
    @Test
    void aes256GcmKnownAnswer() {
        Aead aead = crypto.aead(CipherSuite.TLS_AES_256_GCM_SHA384, new byte[32]);
        assertEquals("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919",
                Hex.toHexString(aead.seal(new byte[12], new byte[0], new byte[16])));
    }

    @ParameterizedTest
    @ValueSource(ints = {CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
        CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256})
    void roundTripAndTampering(int suite) throws AEADBadTagException {
        assertTrue(crypto.supportsCipherSuite(suite));
        int keyLength = suite == CipherSuite.TLS_AES_128_GCM_SHA256
                || suite == CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
                || suite == CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 ? 16 : 32;
        byte[] key = bytes(keyLength);
        Aead sealer = crypto.aead(suite, key);
        Aead opener = crypto.aead(suite, key);
        assertEquals(16, sealer.tagLength());

        for (int length : new int[] {0, 1, 17, 16384 + 1}) {
            byte[] nonce = bytes(12);
            byte[] aad = bytes(5);
            byte[] plaintext = bytes(length);
            byte[] sealed = sealer.seal(nonce, aad, plaintext);
            assertEquals(length + 16, sealed.length);
            assertArrayEquals(plaintext, opener.open(nonce, aad, sealed));

            byte[] badTag = sealed.clone();
            badTag[sealed.length - 1] ^= 1;
            byte[] badAad = aad.clone();
            badAad[0] ^= 1;
            byte[] badNonce = nonce.clone();
            badNonce[11] ^= 1;
            assertThrows(AEADBadTagException.class, () -> opener.open(nonce, aad, badTag));
            assertThrows(AEADBadTagException.class, () -> opener.open(nonce, badAad, sealed));
            assertThrows(AEADBadTagException.class, () -> opener.open(badNonce, aad, sealed));
            if (length > 0) {
                byte[] badCiphertext = sealed.clone();
                badCiphertext[0] ^= 1;
                assertThrows(AEADBadTagException.class, () -> opener.open(nonce, aad, badCiphertext));
            }
        }
        assertThrows(AEADBadTagException.class, () -> opener.open(bytes(12), new byte[0], new byte[15]));
        // a nonce seals once: the JDK refuses to encrypt twice with one key and nonce, and so do we
        byte[] nonce = bytes(12);
        sealer.seal(nonce, new byte[0], bytes(10));
        assertThrows(IllegalStateException.class, () -> sealer.seal(nonce, new byte[0], bytes(10)));
        assertThrows(IllegalArgumentException.class, () -> crypto.aead(suite, new byte[keyLength - 1]));
    }

    /** The record layer seals and opens in place: the same bytes as out of place, and tampering still refused. */
    @ParameterizedTest
    @ValueSource(ints = {CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
        CipherSuite.TLS_CHACHA20_POLY1305_SHA256})
    void inPlace(int suite) throws AEADBadTagException {
        byte[] key = bytes(suite == CipherSuite.TLS_AES_128_GCM_SHA256 ? 16 : 32);
        byte[] nonce = bytes(12);
        byte[] aad = bytes(5);
        byte[] plaintext = bytes(16384 + 1);
        byte[] expected = crypto.aead(suite, key).seal(nonce, aad, plaintext);

        byte[] record = new byte[5 + expected.length];
        System.arraycopy(plaintext, 0, record, 5, plaintext.length);
        ByteBuffer in = ByteBuffer.wrap(record, 5, plaintext.length);
        ByteBuffer out = ByteBuffer.wrap(record, 5, expected.length);
        assertEquals(expected.length, crypto.aead(suite, key).seal(nonce, aad, in, out));
        assertEquals(record.length, out.position());
        assertArrayEquals(expected, Arrays.copyOfRange(record, 5, record.length));

        ByteBuffer sealed = ByteBuffer.wrap(record, 5, expected.length);
        assertEquals(plaintext.length, crypto.aead(suite, key).open(nonce, aad, sealed, sealed.duplicate()));
        assertArrayEquals(plaintext, Arrays.copyOfRange(record, 5, 5 + plaintext.length));

        byte[] tampered = expected.clone();
        tampered[8000] ^= 1;
        ByteBuffer bad = ByteBuffer.wrap(tampered);
        assertThrows(AEADBadTagException.class, () -> crypto.aead(suite, key).open(nonce, aad, bad, bad.duplicate()));
    }

    @Test
    void suitesWithoutAnAeadHereAreRefused() {
        assertFalse(crypto.supportsCipherSuite(CipherSuite.TLS_AES_128_CCM_SHA256));
        assertFalse(crypto.supportsCipherSuite(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA));
        assertThrows(IllegalArgumentException.class, () -> crypto.aead(CipherSuite.TLS_AES_128_CCM_SHA256, new byte[16]));
    }

    private byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
