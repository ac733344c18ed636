package io.tlslens.stack.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.SignatureScheme;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class BcTlsCryptoTest {
    /** Bouncy Castle is used through its lightweight API only: the application's JCA stays as it was. */
    @Test
    void neverRegistersBouncyCastleAsAJcaProvider() throws Exception {
        List<Provider> before = List.of(Security.getProviders());
        BcTlsCrypto crypto = new BcTlsCrypto();
        crypto.generateKeyShare(NamedGroup.secp256r1).sharedSecret(crypto.generateKeyShare(NamedGroup.secp256r1).publicKey());
        crypto.generateKeyShare(NamedGroup.x25519);
        crypto.aead(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, new byte[32]).seal(new byte[12], new byte[0], new byte[1]);
        var keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        crypto.verify(SignatureScheme.ed25519, keys.getPublic(), new byte[1],
                crypto.sign(SignatureScheme.ed25519, keys.getPrivate(), new byte[1]));
        assertEquals(before, List.of(Security.getProviders()));
    }

    @Test
    void hashesByName() {
        BcTlsCrypto crypto = new BcTlsCrypto();
        assertEquals(32, crypto.hash("SHA-256").length());
        assertEquals(48, crypto.hash("SHA-384").length());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Hex.toHexString(crypto.hash("SHA-256").digest("abc".getBytes())));
        assertThrows(IllegalArgumentException.class, () -> crypto.hash("SHA-1"));
    }

    /** A running hash reports its value and goes on; a copy goes on separately. */
    @Test
    void runningHash() {
        HashFunction sha256 = new BcTlsCrypto().hash("SHA-256");
        HashFunction.RunningHash running = sha256.start();
        running.update("ab".getBytes());
        HashFunction.RunningHash copy = running.copy();
        assertEquals(Hex.toHexString(sha256.digest("ab".getBytes())), Hex.toHexString(running.current()));
        running.update("c".getBytes());
        assertEquals(Hex.toHexString(sha256.digest("abc".getBytes())), Hex.toHexString(running.current()));
        assertEquals(Hex.toHexString(sha256.digest("ab".getBytes())), Hex.toHexString(copy.current()));
    }

    @Test
    void theRandomIsTheOneGiven() {
        SecureRandom random = new SecureRandom();
        assertSame(random, new BcTlsCrypto(random).random());
    }
}
