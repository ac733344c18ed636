package io.tlslens.agent.fingerprint;

import io.tlslens.wire.ClientHello;
import io.tlslens.wire.DecodeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The real ClientHellos of src/test/resources/fingerprint/client-hellos.txt (see the README there). */
final class ClientHelloFiles {
    private static final String FILE = "/fingerprint/client-hellos.txt";
    private static final int HANDSHAKE_HEADER = 4;
    private static final int CLIENT_HELLO = 1;

    private ClientHelloFiles() {
    }

    /** The hellos by name, decoded afresh on every call. */
    static Map<String, ClientHello> load() {
        Map<String, ClientHello> hellos = new LinkedHashMap<>();
        try (InputStream in = ClientHelloFiles.class.getResourceAsStream(FILE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split(" ");
                hellos.put(fields[0], decode(fields[0], unhex(fields[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hellos;
    }

    static ClientHello get(String name) {
        ClientHello hello = load().get(name);
        if (hello == null) {
            throw new IllegalArgumentException("no ClientHello " + name + " in " + FILE);
        }
        return hello;
    }

    private static ClientHello decode(String name, byte[] message) {
        int length = ((message[1] & 0xff) << 16) | ((message[2] & 0xff) << 8) | (message[3] & 0xff);
        if (message[0] != CLIENT_HELLO || length != message.length - HANDSHAKE_HEADER) {
            throw new IllegalStateException(name + ": not one whole ClientHello message");
        }
        try {
            return ClientHello.decode(Arrays.copyOfRange(message, HANDSHAKE_HEADER, message.length));
        } catch (DecodeException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    static byte[] unhex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
