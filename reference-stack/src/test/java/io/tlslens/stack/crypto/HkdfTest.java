package io.tlslens.stack.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** HKDF against the SHA-256 test cases of RFC 5869 Appendix A. */
class HkdfTest {
    private final Hkdf hkdf = new Hkdf(new BcTlsCrypto().hash("SHA-256"));

    @Test
    void rfc5869TestCase1() {
        byte[] prk = hkdf.extract(Hex.decode("000102030405060708090a0b0c"), Hex.decode("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        assertEquals("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", Hex.toHexString(prk));
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                Hex.toHexString(hkdf.expand(prk, Hex.decode("f0f1f2f3f4f5f6f7f8f9"), 42)));
    }

    @Test
    void rfc5869TestCase2LongInputs() {
        byte[] ikm = range(0x00, 80);
        byte[] salt = range(0x60, 80);
        byte[] info = range(0xb0, 80);
        byte[] prk = hkdf.extract(salt, ikm);
        assertEquals("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244", Hex.toHexString(prk));
        assertEquals("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09"
                + "da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
                Hex.toHexString(hkdf.expand(prk, info, 82)));
    }

    @Test
    void rfc5869TestCase3NoSaltNoInfo() {
        byte[] prk = hkdf.extract(new byte[0], Hex.decode("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        assertEquals("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04", Hex.toHexString(prk));
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                Hex.toHexString(hkdf.expand(prk, new byte[0], 42)));
    }

    @Test
    void expandRefusesMoreThan255Blocks() {
        byte[] prk = new byte[32];
        assertEquals(255 * 32, hkdf.expand(prk, new byte[0], 255 * 32).length);
        assertThrows(IllegalArgumentException.class, () -> hkdf.expand(prk, new byte[0], 255 * 32 + 1));
        assertThrows(IllegalArgumentException.class, () -> hkdf.expand(prk, new byte[0], -1));
    }

    private static byte[] range(int first, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (first + i);
        }
        return out;
    }
}
