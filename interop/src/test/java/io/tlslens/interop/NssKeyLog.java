package io.tlslens.interop;

import io.tlslens.stack.KeyLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link KeyLog} that keeps NSS key log lines ({@code LABEL client_random secret}, hex) in memory. */
final class NssKeyLog implements KeyLog {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void log(String label, byte[] clientRandom, byte[] secret) {
        lines.add(label + " " + hex(clientRandom) + " " + hex(secret));
    }

    synchronized void writeTo(Path file) throws IOException {
        Files.write(file, lines, StandardCharsets.US_ASCII);
    }

    /** The secrets of an NSS key log file, by client random (hex), then by label. */
    static Map<String, Map<String, String>> read(Path file) throws IOException {
        Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            if (fields.length != 3) {
                throw new AssertionError("not an NSS key log line in " + file + ": " + fields[0] + " ...");
            }
            secrets.computeIfAbsent(fields[1].toLowerCase(), random -> new LinkedHashMap<>())
                    .put(fields[0], fields[2].toLowerCase());
        }
        return secrets;
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }
}
