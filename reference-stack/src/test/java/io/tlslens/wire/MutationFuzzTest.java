package io.tlslens.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of every decode entry point: inputs derived from the captured handshakes and the
 * round-trip samples by bit flips, byte inserts and deletes, length-field tweaks, truncation and
 * splicing. Whatever the input, decoding may only return a value or throw DecodeException (with an
 * offset inside the input); and a value it returns must re-encode to exactly the input, so the
 * codec is lossless on everything it accepts, not only on well-formed input.
 *
 * <p>Deterministic: the seed is printed and can be set with -Dtlslens.fuzz.seed=N; the number of
 * inputs with -Dtlslens.fuzz.inputs=N. A failure reports the seed, the entry point and the input.
 */
class MutationFuzzTest {
    private static final long DEFAULT_SEED = 0x7115_1e45L;
    private static final int DEFAULT_INPUTS = 120_000;

    /** Negotiated contexts every handshake input is decoded in: each shape of each message. */
    private static final int[][] CONTEXTS = {
        {ProtocolVersion.TLSv1_3, CipherSuite.TLS_AES_128_GCM_SHA256},
        {ProtocolVersion.TLSv1_2, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256},
        {ProtocolVersion.TLSv1_2, CipherSuite.TLS_ECDH_anon_WITH_AES_128_CBC_SHA},
        {ProtocolVersion.TLSv1_2, CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256},
        {ProtocolVersion.TLSv1_1, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA},
    };

    private enum Kind { RECORD, HANDSHAKE, EXTENSIONS, ALERT }

    private static final class Seed {
        final Kind kind;
        final byte[] bytes;

        Seed(Kind kind, byte[] bytes) {
            this.kind = kind;
            this.bytes = bytes;
        }
    }

    @FunctionalInterface
    private interface Decode {
        Object run(byte[] input) throws DecodeException;
    }

    private long seed;
    private int iteration;
    private int decodes;

    @Test
    void onlyDecodeExceptionEscapesAndAcceptedInputsRoundTrip() {
        seed = Long.getLong("tlslens.fuzz.seed", DEFAULT_SEED);
        int inputs = Integer.getInteger("tlslens.fuzz.inputs", DEFAULT_INPUTS);
        System.out.println("MutationFuzzTest seed=" + seed + " inputs=" + inputs);
        List<Seed> corpus = corpus();
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        for (iteration = 0; iteration < inputs; iteration++) {
            Seed s = corpus.get(random.nextInt(corpus.size()));
            byte[] input = mutate(s.bytes, corpus.get(random.nextInt(corpus.size())).bytes, random);
            switch (s.kind) {
                case RECORD:
                    fuzzRecord(input, random);
                    break;
                case HANDSHAKE:
                    fuzzHandshake(input, random);
                    break;
                case EXTENSIONS:
                    fuzzExtensions(input);
                    break;
                default:
                    check("Alert", input, Alert::decode, a -> ((Alert) a).encode());
                    check("ChangeCipherSpec", input, ChangeCipherSpec::decode, c -> ((ChangeCipherSpec) c).encode());
            }
        }
        System.out.printf("MutationFuzzTest: %d inputs, %d decodes, %.1f s%n", inputs, decodes, (System.nanoTime() - start) / 1e9);
        assertTrue(decodes > inputs);
    }

    private void fuzzRecord(byte[] input, SplittableRandom random) {
        check("TlsRecord.decode(byte[])", input, TlsRecord::decode, r -> ((TlsRecord) r).encode());
        int length = input.length == 0 ? 0 : random.nextInt(input.length + 1);
        run("TlsRecord.decode(prefix)", input, in -> {
            TlsRecord r = TlsRecord.decode(in, 0, length);
            if (r != null && !Arrays.equals(r.encode(), Arrays.copyOf(in, r.encodedLength()))) {
                throw new AssertionError("record does not re-encode to its bytes");
            }
            return r;
        });
        // A record's fragment is what the reassembler gets, in arbitrary slices.
        run("HandshakeReassembler", input, in -> reassemble(in, random, input.length > 5 ? 5 : 0));
    }

    private void fuzzHandshake(byte[] input, SplittableRandom random) {
        check("HandshakeDecoder()", input, in -> new HandshakeDecoder().decode(in), m -> ((HandshakeMessage) m).encode());
        int type = input.length == 0 ? 0 : input[0] & 0xff;
        byte[] body = input.length < 4 ? input : Arrays.copyOfRange(input, 4, input.length);
        for (int[] c : CONTEXTS) {
            check("HandshakeDecoder(" + ProtocolVersion.name(c[0]) + ", " + CipherSuite.name(c[1]) + ")", input,
                    in -> new HandshakeDecoder(c[0], c[1]).decode(in), m -> ((HandshakeMessage) m).encode());
            check("static decode of " + HandshakeType.name(type) + " in " + ProtocolVersion.name(c[0]), body,
                    in -> Decoders.decodeStatic(type, in, c[0], c[1]), m -> ((HandshakeMessage) m).encodeBody());
        }
        run("HandshakeReassembler", input, in -> reassemble(in, random, 0));
    }

    private void fuzzExtensions(byte[] input) {
        for (ExtensionContext context : ExtensionContext.values()) {
            WireWriter block = new WireWriter();
            check("Extension.decodeList in " + context, input, in -> Extension.decodeList(in, context), list -> {
                Extensions.writeList(block, castList(list));
                return block.toByteArray();
            });
        }
        if (input.length >= 4) {
            int type = (input[0] & 0xff) << 8 | input[1] & 0xff;
            byte[] data = Arrays.copyOfRange(input, 4, input.length);
            for (ExtensionContext context : ExtensionContext.values()) {
                check("Extension.decode " + ExtensionType.name(type) + " in " + context, data,
                        in -> Extension.decode(type, in, context), e -> ((Extension) e).data());
            }
        }
    }

    /** Feeds the bytes in random slices, after skipping a record header, and decodes what comes out. */
    private static Object reassemble(byte[] input, SplittableRandom random, int skip) throws DecodeException {
        HandshakeReassembler reassembler = new HandshakeReassembler(random.nextBoolean() ? 64 : HandshakeReassembler.DEFAULT_MAX_MESSAGE_LENGTH);
        HandshakeDecoder decoder = new HandshakeDecoder();
        List<HandshakeMessage> out = new ArrayList<>();
        int pos = Math.min(skip, input.length);
        while (pos < input.length) {
            int n = 1 + random.nextInt(input.length - pos);
            for (HandshakeFrame f : reassembler.add(input, pos, n)) {
                try {
                    out.add(decoder.decode(f.encode()));
                } catch (DecodeException e) {
                    // a malformed message inside a well-framed stream: the next one may still decode
                }
            }
            pos += n;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Extension> castList(Object o) {
        return (List<Extension>) o;
    }

    private void run(String entry, byte[] input, Decode decode) {
        check(entry, input, decode, null);
    }

    /** Decodes; on success re-encodes with {@code encode} (if given) and requires the input back. */
    private void check(String entry, byte[] input, Decode decode, java.util.function.Function<Object, byte[]> encode) {
        decodes++;
        Object value;
        try {
            value = decode.run(input);
        } catch (DecodeException e) {
            if (e.offset() < 0 || e.offset() > Math.max(input.length, 4) + 1) {
                fail(entry, input, new AssertionError("offset " + e.offset() + " outside the input: " + e.getMessage()));
            }
            return;
        } catch (Throwable t) {
            fail(entry, input, t);
            return;
        }
        try {
            String.valueOf(value);
            if (encode != null && value != null && !Arrays.equals(input, encode.apply(value))) {
                fail(entry, input, new AssertionError("accepted input does not re-encode to itself: " + value));
            }
        } catch (RuntimeException e) {
            fail(entry, input, e);
        }
    }

    private void fail(String entry, byte[] input, Throwable t) {
        throw new AssertionError("MutationFuzzTest seed=" + seed + " iteration=" + iteration + " entry=" + entry
                + " input=" + hex(input) + ": " + t, t);
    }

    // --- mutations ---------------------------------------------------------------------------

    private static byte[] mutate(byte[] b, byte[] other, SplittableRandom random) {
        byte[] out = b;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            out = mutateOnce(out, other, random);
        }
        return out;
    }

    private static byte[] mutateOnce(byte[] b, byte[] other, SplittableRandom random) {
        if (b.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(b.length);
        byte[] out;
        switch (random.nextInt(8)) {
            case 0: // bit flip
                out = b.clone();
                out[at] ^= 1 << random.nextInt(8);
                return out;
            case 1: // byte insert
                out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = (byte) random.nextInt(256);
                System.arraycopy(b, at, out, at + 1, b.length - at);
                return out;
            case 2: // byte delete
                out = new byte[b.length - 1];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                return out;
            case 3: // truncation
                return Arrays.copyOf(b, at);
            case 4: // length-field tweak: a 1-3 byte big-endian field nudged or set to an extreme
                out = b.clone();
                int width = 1 + random.nextInt(Math.min(3, b.length - at));
                long value = 0;
                for (int i = 0; i < width; i++) {
                    value = value << 8 | (out[at + i] & 0xff);
                }
                long max = (1L << (8 * width)) - 1;
                long[] choices = {value + 1, value - 1, value + 2, value - 2, 0, max, max / 2 + 1, value * 2};
                long v = choices[random.nextInt(choices.length)] & max;
                for (int i = width - 1; i >= 0; i--) {
                    out[at + i] = (byte) v;
                    v >>>= 8;
                }
                return out;
            case 5: // interesting byte
                out = b.clone();
                int[] interesting = {0x00, 0xff, 0x7f, 0x80, 0x01, 0x0a, 0x03, 0x04};
                out[at] = (byte) interesting[random.nextInt(interesting.length)];
                return out;
            case 6: // duplicate a chunk
                int len = 1 + random.nextInt(Math.min(16, b.length - at));
                out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at + len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                return out;
            default: // splice: a prefix of this input and a suffix of another
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                out = Arrays.copyOf(b, at + other.length - from);
                System.arraycopy(other, from, out, at, other.length - from);
                return out;
        }
    }

    // --- corpus ------------------------------------------------------------------------------

    private static List<Seed> corpus() {
        List<Seed> corpus = new ArrayList<>();
        for (String file : Capture.FILES) {
            Capture c = Capture.load(file);
            for (Capture.Line line : c.lines) {
                if (line.kind.equals("record")) {
                    corpus.add(new Seed(Kind.RECORD, line.bytes));
                } else if (!line.kind.equals("handshake")) {
                    corpus.add(new Seed(Kind.ALERT, line.bytes));
                }
            }
            for (Capture.Message m : c.messages) {
                corpus.add(new Seed(Kind.HANDSHAKE, m.wire));
                for (Extension e : CaptureReplayTest.extensionsOf(m.message)) {
                    addExtension(corpus, e);
                }
            }
        }
        for (Samples.Negotiated n : Samples.messages()) {
            corpus.add(new Seed(Kind.HANDSHAKE, n.message.encode()));
            corpus.add(new Seed(Kind.RECORD, new TlsRecord(ContentType.handshake, ProtocolVersion.TLSv1_2, n.message.encode()).encode()));
        }
        for (Samples.InContext e : Samples.extensions()) {
            addExtension(corpus, e.extension);
        }
        corpus.add(new Seed(Kind.ALERT, new Alert(AlertLevel.fatal, AlertDescription.handshake_failure).encode()));
        return corpus;
    }

    /** The extension as a one-element extensions block, and as type, length and data alone. */
    private static void addExtension(List<Seed> corpus, Extension e) {
        WireWriter w = new WireWriter();
        Extensions.writeList(w, List.of(e));
        byte[] block = w.toByteArray();
        corpus.add(new Seed(Kind.EXTENSIONS, block));
        corpus.add(new Seed(Kind.EXTENSIONS, Arrays.copyOfRange(block, 2, block.length)));
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }
}
