package io.tlslens.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** encode → decode → encode for every extension in every shape and every message in every shape. */
class RoundTripTest {

    static List<Samples.InContext> extensions() {
        return Samples.extensions();
    }

    static List<Samples.Negotiated> messages() {
        return Samples.messages();
    }

    @ParameterizedTest
    @MethodSource("extensions")
    void extensionRoundTrips(Samples.InContext sample) throws DecodeException {
        Extension e = sample.extension;
        Extension decoded = Extension.decode(e.type(), e.data(), sample.context);
        assertEquals(e, decoded);
        assertEquals(e.getClass(), decoded.getClass());
        assertArrayEquals(e.data(), decoded.data());
        assertEquals(e.toString(), decoded.toString());
    }

    @ParameterizedTest
    @MethodSource("extensions")
    void extensionRoundTripsInsideAnExtensionsBlock(Samples.InContext sample) throws DecodeException {
        WireWriter w = new WireWriter();
        Extensions.writeList(w, List.of(sample.extension, new UnknownExtension(0x2a2a, new byte[0])));
        byte[] block = w.toByteArray();
        List<Extension> decoded = Extension.decodeList(block, sample.context);
        assertEquals(List.of(sample.extension, new UnknownExtension(0x2a2a, new byte[0])), decoded);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void messageRoundTrips(Samples.Negotiated sample) throws DecodeException {
        HandshakeMessage m = sample.message;
        byte[] wire = m.encode();
        assertEquals(m.type(), wire[0] & 0xff);
        assertEquals(wire.length - 4, (wire[1] & 0xff) << 16 | (wire[2] & 0xff) << 8 | wire[3] & 0xff);
        assertArrayEquals(m.encodeBody(), java.util.Arrays.copyOfRange(wire, 4, wire.length));
        HandshakeMessage decoded = new HandshakeDecoder(sample.version, sample.cipherSuite).decode(wire);
        assertEquals(m, decoded);
        assertEquals(m.getClass(), decoded.getClass());
        assertEquals(m.toString(), decoded.toString());
        assertEquals(m.hashCode(), decoded.hashCode());
        assertArrayEquals(wire, decoded.encode());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void staticDecodeAgreesWithHandshakeDecoder(Samples.Negotiated sample) throws DecodeException {
        HandshakeMessage m = sample.message;
        byte[] body = m.encodeBody();
        assertEquals(m, Decoders.decodeStatic(m.type(), body, sample.version, sample.cipherSuite));
    }

    @Test
    void unknownCodesAndGreaseSurviveInOrder() throws DecodeException {
        ClientHello ch = (ClientHello) Samples.messages().get(0).message;
        ClientHello decoded = ClientHello.decode(ch.encodeBody());
        assertEquals(List.of(Samples.GREASE_A, CipherSuite.TLS_AES_128_GCM_SHA256,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, 0xabcd, CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV),
                decoded.cipherSuites());
        assertEquals(ch.extensions().stream().map(Extension::type).collect(Collectors.toList()),
                decoded.extensions().stream().map(Extension::type).collect(Collectors.toList()));
        assertEquals(List.of(Samples.GREASE_A, NamedGroup.X25519MLKEM768, NamedGroup.x25519), decoded.keyShareGroups());
        assertEquals("example.com", decoded.serverName().orElseThrow());
        assertEquals(List.of("h2", "http/1.1"), decoded.alpnProtocols());
        assertEquals(List.of(Samples.GREASE_A, ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2), decoded.supportedVersions());
        assertTrue(decoded.toString().contains("GREASE(0x0a0a)"));
    }

    @Test
    void aHelloWithoutExtensionsBlockDiffersFromOneWithAnEmptyBlock() throws DecodeException {
        ClientHello withEmptyBlock = new ClientHello(ProtocolVersion.TLSv1, Samples.bytes(32, 0), new byte[0],
                List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA), List.of(0), List.of());
        byte[] body = withEmptyBlock.encodeBody();
        byte[] withoutBlock = java.util.Arrays.copyOf(body, body.length - 2);
        ClientHello decoded = ClientHello.decode(withoutBlock);
        assertArrayEquals(withoutBlock, decoded.encodeBody());
        assertNotEquals(withEmptyBlock, decoded);
        assertEquals(List.of(), decoded.supportedVersions());
        assertFalse(decoded.serverName().isPresent());
    }

    @Test
    void anExtensionOutsideItsContextIsKeptRaw() throws DecodeException {
        Extension share = KeyShareExtension.selectedGroup(NamedGroup.x25519);
        Extension inEe = Extension.decode(share.type(), share.data(), ExtensionContext.ENCRYPTED_EXTENSIONS);
        assertTrue(inEe instanceof UnknownExtension);
        assertArrayEquals(share.data(), inEe.data());
        assertEquals(ExtensionType.key_share, inEe.type());
    }

    @Test
    void defensiveCopies() throws DecodeException {
        byte[] random = Samples.bytes(32, 5);
        ServerHello sh = new ServerHello(ProtocolVersion.TLSv1_2, random, new byte[0], 0x1301, 0, List.of());
        random[0] ^= 1;
        sh.random()[1] ^= 1;
        assertArrayEquals(Samples.bytes(32, 5), sh.random());
        Certificate c = Certificate.tls12(List.of(Samples.bytes(10, 1)));
        c.entries().get(0).data()[0] ^= 1;
        assertArrayEquals(Samples.bytes(10, 1), c.entries().get(0).data());
    }
}
