package io.tlslens.agent.keylog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyLogLineTest {

    static byte[] random(int first) {
        byte[] random = new byte[32];
        for (int i = 0; i < random.length; i++) {
            random[i] = (byte) (first + i);
        }
        return random;
    }

    @Test
    void nssLineWithLowercaseHexAndNewline() {
        byte[] secret = {(byte) 0xAB, (byte) 0xCD, 0x00, (byte) 0xFF, 0x7f};
        String line = new String(KeyLogLine.encode("CLIENT_RANDOM", random(0xf0), secret), StandardCharsets.US_ASCII);
        assertEquals("CLIENT_RANDOM f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e0f abcd00ff7f\n",
                line);
    }

    @Test
    void tls13LabelWith48ByteSecret() {
        byte[] secret = new byte[48];
        secret[47] = 1;
        String line = new String(KeyLogLine.encode("SERVER_TRAFFIC_SECRET_0", random(0), secret),
                StandardCharsets.US_ASCII);
        String[] fields = line.trim().split(" ");
        assertEquals(3, fields.length);
        assertEquals("SERVER_TRAFFIC_SECRET_0", fields[0]);
        assertEquals(64, fields[1].length());
        assertEquals("0".repeat(94) + "01", fields[2]);
    }

    @Test
    void rejectsWhatWouldBreakTheFormat() {
        assertThrows(IllegalArgumentException.class, () -> KeyLogLine.encode("client random", random(0), new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> KeyLogLine.encode("", random(0), new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> KeyLogLine.encode("CLIENT_RANDOM", new byte[31], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> KeyLogLine.encode("CLIENT_RANDOM", random(0), new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> KeyLogLine.encode("CLIENT_RANDOM", random(0), null));
    }

    @Test
    void wipeZeroes() {
        byte[] secret = {1, 2, 3};
        KeyLogLine.wipe(secret);
        assertArrayEquals(new byte[3], secret);
        KeyLogLine.wipe(null);
    }
}
