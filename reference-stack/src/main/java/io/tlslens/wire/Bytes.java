package io.tlslens.wire;

import java.util.List;
import java.util.stream.Collectors;

/** Byte-array helpers: defensive copies, and hex for toString. */
final class Bytes {
    /** Short values are shown whole, longer ones as a prefix and their length, so logs stay readable. */
    private static final int WHOLE = 32;

    private Bytes() {
    }

    static List<byte[]> copy(List<byte[]> values) {
        return values.stream().map(byte[]::clone).collect(Collectors.toUnmodifiableList());
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        int n = b.length <= WHOLE ? b.length : 16;
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return n == b.length ? sb.toString() : sb + "...(" + b.length + " bytes)";
    }
}
