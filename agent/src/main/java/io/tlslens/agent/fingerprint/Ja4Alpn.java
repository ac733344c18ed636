package io.tlslens.agent.fingerprint;

import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.ClientHello;
import java.util.List;

/** The two ALPN characters of JA4_a (JA4.md, "ALPN Extension Value"). */
final class Ja4Alpn {
    /** "If there is no ALPN extension, no ALPN values, or the first ALPN value is empty". */
    private static final String NONE = "00";

    private Ja4Alpn() {
    }

    /**
     * The first and last characters of the first ALPN value: {@code h2} for "h2", {@code h1} for
     * "http/1.1", the one character twice for a one-character value. The value is read as the bytes
     * sent, not as text, because "if the first or last byte of the first ALPN is non-alphanumeric ...
     * we print the first and last characters of the hex representation of the first ALPN instead"
     * (0xAB 0xCD gives "ad", 0x30 0xAB gives "3b"). A GREASE ALPN value (RFC 8701 §2) that comes
     * first is not skipped: the spec gives ALPN no GREASE exemption, and the hex rule covers it.
     */
    static String of(ClientHello hello) {
        List<byte[]> names = hello.extension(AlpnExtension.class).map(AlpnExtension::protocolNames).orElse(List.of());
        if (names.isEmpty() || names.get(0).length == 0) {
            return NONE;
        }
        byte[] first = names.get(0);
        char head = (char) (first[0] & 0xff);
        char tail = (char) (first[first.length - 1] & 0xff);
        if (isAlphanumeric(head) && isAlphanumeric(tail)) {
            return "" + head + tail;
        }
        String hex = Hex.of(first);
        return "" + hex.charAt(0) + hex.charAt(hex.length() - 1);
    }

    /** "alphanumeric (meaning ... 0x30-0x39, 0x41-0x5A, or 0x61-0x7A)": ASCII only, unlike Character.isLetterOrDigit. */
    private static boolean isAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
