package io.tlslens.agent.keylog;

import java.util.Arrays;

/**
 * One line of the NSS key log format: {@code LABEL <client random> <secret>\n}, both in lowercase
 * hex. Built as bytes, not as a {@code String}, so that the secret can be wiped after writing.
 */
final class KeyLogLine {

    /** Every ClientHello random is 32 bytes; Wireshark ignores a line with another length. */
    static final int CLIENT_RANDOM_LENGTH = 32;

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private KeyLogLine() {
    }

    /** The line, newline included; the caller wipes it once written. */
    static byte[] encode(String label, byte[] clientRandom, byte[] secret) {
        checkLabel(label);
        if (clientRandom == null || clientRandom.length != CLIENT_RANDOM_LENGTH) {
            throw new IllegalArgumentException("a client random is " + CLIENT_RANDOM_LENGTH + " bytes, not "
                    + (clientRandom == null ? "null" : clientRandom.length));
        }
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("empty secret for " + label);
        }
        byte[] line = new byte[label.length() + 1 + 2 * clientRandom.length + 1 + 2 * secret.length + 1];
        int at = 0;
        for (int i = 0; i < label.length(); i++) {
            line[at++] = (byte) label.charAt(i);
        }
        line[at++] = ' ';
        at = hex(clientRandom, line, at);
        line[at++] = ' ';
        at = hex(secret, line, at);
        line[at] = '\n';
        return line;
    }

    /** Lowercase hex of {@code bytes}, for the de-duplication key (never for a secret). */
    static String hex(byte[] bytes) {
        byte[] out = new byte[2 * bytes.length];
        hex(bytes, out, 0);
        return new String(out, java.nio.charset.StandardCharsets.US_ASCII);
    }

    static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static int hex(byte[] bytes, byte[] out, int at) {
        for (byte b : bytes) {
            out[at++] = HEX[(b >> 4) & 0xf];
            out[at++] = HEX[b & 0xf];
        }
        return at;
    }

    /** NSS labels are upper-case words joined by underscores; anything else would break the line format. */
    private static void checkLabel(String label) {
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("no key log label");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                throw new IllegalArgumentException("not an NSS key log label: " + label);
            }
        }
    }
}
