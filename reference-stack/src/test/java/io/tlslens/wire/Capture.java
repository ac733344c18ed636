package io.tlslens.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A captured connection from src/test/resources/captures (see the README there), replayed through
 * the codec the way the agent will: records through TlsRecord, handshake bytes through one
 * reassembler per direction, messages through one HandshakeDecoder per connection.
 */
final class Capture {
    enum Direction { c2s, s2c }

    /** One line of a capture file. */
    static final class Line {
        final Direction direction;
        final String kind;
        final byte[] bytes;

        Line(Direction direction, String kind, byte[] bytes) {
            this.direction = direction;
            this.kind = kind;
            this.bytes = bytes;
        }
    }

    /** A decoded handshake message with its direction and wire bytes. */
    static final class Message {
        final Direction direction;
        final HandshakeMessage message;
        final byte[] wire;

        Message(Direction direction, HandshakeMessage message, byte[] wire) {
            this.direction = direction;
            this.message = message;
            this.wire = wire;
        }
    }

    static final List<String> FILES = List.of(
            "openssl-tls13-sni-alpn-keyupdate.txt",
            "openssl-tls13-resumed.txt",
            "openssl-tls13-hrr.txt",
            "openssl-tls13-client-auth-rsa.txt",
            "openssl-tls12-ecdhe-ecdsa.txt",
            "openssl-tls12-resumed.txt",
            "openssl-tls12-ecdhe-rsa-client-auth.txt",
            "openssl-tls12-dhe-rsa.txt",
            "jsse-tls13-client-auth.txt",
            "jsse-tls13-rsa.txt",
            "jsse-tls12-ecdhe-ecdsa.txt",
            "jsse-tls12-ecdhe-rsa-client-auth.txt");

    final String name;
    final List<Line> lines;
    final List<Message> messages = new ArrayList<>();
    final List<Alert> alerts = new ArrayList<>();
    final List<TlsRecord> records = new ArrayList<>();

    private Capture(String name, List<Line> lines) {
        this.name = name;
        this.lines = lines;
    }

    static Stream<String> files() {
        return FILES.stream();
    }

    static Capture load(String file) {
        try (InputStream in = Capture.class.getResourceAsStream("/captures/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + file);
            }
            List<Line> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(" "))
                    .map(f -> new Line(Direction.valueOf(f[0]), f[1], hex(f[2])))
                    .collect(Collectors.toList());
            return new Capture(file, lines).replay();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DecodeException e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes every line, asserting that each record and message re-encodes to its exact bytes. */
    private Capture replay() throws DecodeException {
        HandshakeDecoder decoder = new HandshakeDecoder();
        Map<Direction, HandshakeReassembler> reassemblers = new EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            reassemblers.put(d, new HandshakeReassembler());
        }
        for (Line line : lines) {
            int contentType;
            byte[] content;
            if (line.kind.equals("record")) {
                TlsRecord record = TlsRecord.decode(line.bytes);
                assertArrayEquals(line.bytes, record.encode(), name + ": record round trip");
                records.add(record);
                contentType = record.contentType();
                content = record.fragment();
            } else {
                contentType = contentType(line.kind);
                content = line.bytes;
            }
            switch (contentType) {
                case ContentType.handshake:
                    for (HandshakeFrame frame : reassemblers.get(line.direction).add(content)) {
                        byte[] wire = frame.encode();
                        HandshakeMessage m = decoder.decode(wire);
                        assertArrayEquals(wire, m.encode(), name + ": " + m.name() + " round trip");
                        assertArrayEquals(frame.body(), m.encodeBody());
                        assertEquals(m, new HandshakeDecoder(decoder.version().orElse(-1), decoder.cipherSuite().orElse(-1))
                                .decode(frame.type(), frame.body()));
                        messages.add(new Message(line.direction, m, wire));
                    }
                    break;
                case ContentType.alert:
                    Alert alert = Alert.decode(content);
                    assertArrayEquals(content, alert.encode());
                    alerts.add(alert);
                    break;
                case ContentType.change_cipher_spec:
                    assertArrayEquals(content, ChangeCipherSpec.decode(content).encode());
                    break;
                default:
                    throw new AssertionError(name + ": unexpected content type " + contentType);
            }
        }
        for (HandshakeReassembler r : reassemblers.values()) {
            assertEquals(true, r.isEmpty(), name + ": partial message left over");
        }
        return this;
    }

    /** The decoded messages of one class, in wire order. */
    <T extends HandshakeMessage> List<T> all(Class<T> type) {
        return messages.stream().map(m -> m.message).filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    <T extends HandshakeMessage> T first(Class<T> type) {
        return all(type).get(0);
    }

    List<String> names() {
        return messages.stream().map(m -> m.direction + " " + m.message.name()).collect(Collectors.toList());
    }

    private static int contentType(String kind) {
        switch (kind) {
            case "handshake": return ContentType.handshake;
            case "alert": return ContentType.alert;
            case "change_cipher_spec": return ContentType.change_cipher_spec;
            default: throw new IllegalArgumentException(kind);
        }
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
