package io.tlslens.stack.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.NamedGroup;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key exchange: RFC 7748 vectors for X25519, both sides agreeing on P-256/P-384, and every bad peer key refused. */
class KeyShareTest {
    private final BcTlsCrypto crypto = new BcTlsCrypto();

    @Test
    void x25519Rfc7748Section6_1() throws GeneralSecurityException {
        TlsCrypto.KeyShare alice = x25519("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        TlsCrypto.KeyShare bob = x25519("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", Hex.toHexString(alice.publicKey()));
        assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", Hex.toHexString(bob.publicKey()));
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertEquals(shared, Hex.toHexString(alice.sharedSecret(bob.publicKey())));
        assertEquals(shared, Hex.toHexString(bob.sharedSecret(alice.publicKey())));
    }

    @Test
    void x25519Rfc7748Section5_2() throws GeneralSecurityException {
        assertEquals("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
                Hex.toHexString(x25519("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")
                        .sharedSecret(Hex.decode("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))));
        // the u-coordinate's top bit is set here, and must be ignored
        assertEquals("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957",
                Hex.toHexString(x25519("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d")
                        .sharedSecret(Hex.decode("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))));
    }

    /** RFC 8446 §7.4.2: a peer key of small order gives the all-zero secret, which must be refused. */
    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"})
    void x25519RefusesLowOrderPoints(String point) {
        TlsCrypto.KeyShare share = crypto.generateKeyShare(NamedGroup.x25519);
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> share.sharedSecret(Hex.decode(point)));
        assertTrue(e.getMessage().contains("all zeros"), e.getMessage());
    }

    @Test
    void x25519RefusesWrongLength() {
        TlsCrypto.KeyShare share = crypto.generateKeyShare(NamedGroup.x25519);
        assertThrows(GeneralSecurityException.class, () -> share.sharedSecret(new byte[31]));
        assertThrows(GeneralSecurityException.class, () -> share.sharedSecret(new byte[33]));
    }

    @ParameterizedTest
    @ValueSource(ints = {NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1})
    void bothSidesAgree(int group) throws GeneralSecurityException {
        for (int i = 0; i < 20; i++) {
            TlsCrypto.KeyShare client = crypto.generateKeyShare(group);
            TlsCrypto.KeyShare server = crypto.generateKeyShare(group);
            byte[] secret = client.sharedSecret(server.publicKey());
            assertArrayEquals(secret, server.sharedSecret(client.publicKey()));
            // the x coordinate keeps its leading zeros: always as long as a field element
            assertEquals(group == NamedGroup.secp384r1 ? 48 : 32, secret.length);
            assertEquals(group, client.group());
            assertFalse(Arrays.equals(client.publicKey(), server.publicKey()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {NamedGroup.secp256r1, NamedGroup.secp384r1})
    void ecdhRefusesInvalidPoints(int group) {
        TlsCrypto.KeyShare share = crypto.generateKeyShare(group);
        byte[] good = crypto.generateKeyShare(group).publicKey();
        int coordinate = (good.length - 1) / 2;

        byte[] offCurve = good.clone();
        offCurve[good.length - 1] ^= 1;
        byte[] compressed = Arrays.copyOf(good, 1 + coordinate);
        compressed[0] = (byte) (2 + (good[good.length - 1] & 1));
        byte[] notUncompressed = good.clone();
        notUncompressed[0] = 0x02;
        byte[] xTooLarge = good.clone();
        Arrays.fill(xTooLarge, 1, 1 + coordinate, (byte) 0xff);
        byte[] zeros = new byte[good.length];
        zeros[0] = 0x04;

        for (byte[] bad : new byte[][] {offCurve, compressed, notUncompressed, xTooLarge, zeros, {0x00},
                Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, good.length + 1)}) {
            assertThrows(GeneralSecurityException.class, () -> share.sharedSecret(bad), Hex.toHexString(bad));
        }
    }

    /** The JDK's own ECDH (SunEC) as an independent check of the shared x coordinate. */
    @ParameterizedTest
    @ValueSource(ints = {NamedGroup.secp256r1, NamedGroup.secp384r1})
    void ecdhAgreesWithTheJdk(int group) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(NamedGroup.name(group)));
        for (int i = 0; i < 10; i++) {
            KeyPair jdk = generator.generateKeyPair();
            ECParameterSpec params = ((ECPublicKey) jdk.getPublic()).getParams();
            int length = (params.getCurve().getField().getFieldSize() + 7) / 8;
            ECPoint w = ((ECPublicKey) jdk.getPublic()).getW();
            byte[] jdkPoint = concat(new byte[] {4}, unsigned(w.getAffineX(), length), unsigned(w.getAffineY(), length));

            TlsCrypto.KeyShare ours = crypto.generateKeyShare(group);
            byte[] point = ours.publicKey();
            ECPoint ourW = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + length)),
                    new BigInteger(1, Arrays.copyOfRange(point, 1 + length, point.length)));
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(jdk.getPrivate());
            agreement.doPhase(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(ourW, params)), true);
            assertArrayEquals(agreement.generateSecret(), ours.sharedSecret(jdkPoint));
        }
    }

    @Test
    void groupsOutsideTheProviderAreRefused() {
        assertTrue(crypto.supportsGroup(NamedGroup.x25519));
        assertTrue(crypto.supportsGroup(NamedGroup.secp256r1));
        assertTrue(crypto.supportsGroup(NamedGroup.secp384r1));
        assertFalse(crypto.supportsGroup(NamedGroup.x448));
        assertFalse(crypto.supportsGroup(NamedGroup.ffdhe2048));
        assertThrows(IllegalArgumentException.class, () -> crypto.generateKeyShare(NamedGroup.secp521r1));
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int n = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - n, out, length - n, n);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static TlsCrypto.KeyShare x25519(String privateKey) {
        return new BcTlsCrypto(new FixedRandom(Hex.decode(privateKey))).generateKeyShare(NamedGroup.x25519);
    }
}
