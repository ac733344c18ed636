package io.tlslens.stack.tls13;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.util.encoders.Hex;

/** One section of RFC 8448 as stored under {@code src/test/resources/rfc8448}: named hex values. */
final class Rfc8448Trace {
    private final int section;
    private final Map<String, byte[]> values;
    private final Set<String> unused;

    private Rfc8448Trace(int section, Map<String, byte[]> values) {
        this.section = section;
        this.values = values;
        this.unused = new TreeSet<>(values.keySet());
    }

    static Rfc8448Trace section(int section) {
        String resource = "/rfc8448/section" + section + ".txt";
        Map<String, byte[]> values = new LinkedHashMap<>();
        try (InputStream in = Rfc8448Trace.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                String name = line.substring(0, equals).trim();
                if (values.put(name, Hex.decode(line.substring(equals + 1).replace(" ", ""))) != null) {
                    throw new IllegalStateException(resource + ": " + name + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rfc8448Trace(section, values);
    }

    byte[] bytes(String name) {
        byte[] value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("RFC 8448 §" + section + " has no " + name);
        }
        unused.remove(name);
        return value.clone();
    }

    /** The fragment of the record stored under {@code name}: a handshake message or a ciphertext. */
    byte[] fragment(String name) {
        byte[] record = bytes(name);
        byte[] fragment = new byte[record.length - 5];
        System.arraycopy(record, 5, fragment, 0, fragment.length);
        return fragment;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The values no test has asked for: a misspelt name would otherwise go unchecked. */
    Set<String> unused() {
        return Set.copyOf(unused);
    }

    @Override
    public String toString() {
        return "RFC 8448 §" + section;
    }
}
