package io.tlslens.agent.fingerprint;

import static io.tlslens.agent.fingerprint.Hellos.TLS_1_2;
import static io.tlslens.agent.fingerprint.Hellos.TLS_1_3;
import static io.tlslens.agent.fingerprint.Hellos.empty;
import static io.tlslens.agent.fingerprint.Hellos.hello;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.Extension;
import io.tlslens.wire.ServerNameExtension;
import io.tlslens.wire.SignatureAlgorithmsExtension;
import io.tlslens.wire.SupportedVersionsExtension;
import io.tlslens.wire.UnknownExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JA4 against the worked example and the rules of its specification, FoxIO-LLC/ja4
 * technical_details/JA4.md; section names below are that document's.
 */
class Ja4SpecTest {
    /** "Raw Output": the example's {@code JA4_ro}, the hello's lists in wire order. */
    private static final String EXAMPLE_JA4_RO = "t13d1516h2_"
            + "1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035_"
            + "001b,0000,0033,0010,4469,0017,002d,000d,0005,0023,0012,002b,ff01,000b,000a,0015_"
            + "0403,0804,0401,0503,0805,0501,0806,0601";

    /** "Example": {@code JA4 = t13d1516h2_8daaf6152771_e5627efa2ab1}. */
    @Test
    void example() {
        assertEquals("t13d1516h2_8daaf6152771_e5627efa2ab1", Ja4.of(exampleHello(), false));
    }

    /** "Raw Output": {@code JA4_r}, with the sorted lists that "Cipher hash" and "Extension hash" show. */
    @Test
    void exampleRaw() {
        assertEquals("t13d1516h2_"
                + "002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
                + "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_"
                + "0403,0804,0401,0503,0805,0501,0806,0601",
                Ja4.raw(exampleHello(), false));
    }

    /**
     * "Extension hash": "If there are no signature algorithms in the hello packet, then the string ends
     * without an underscore and is hashed", the example's extensions giving {@code 6d807ffa2a79}.
     */
    @Test
    void exampleWithoutSignatureAlgorithms() {
        String ja4roWithoutSignatureAlgorithms = EXAMPLE_JA4_RO.substring(0, EXAMPLE_JA4_RO.lastIndexOf('_'));
        ClientHello hello = Hellos.fromJa4Ro(ja4roWithoutSignatureAlgorithms, TLS_1_2, List.of(TLS_1_3, TLS_1_2),
                "example.com", "h2", "http/1.1");

        assertEquals("t13d1516h2_8daaf6152771_6d807ffa2a79", Ja4.of(hello, false));
        assertTrue(Ja4.raw(hello, false).endsWith("_0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01"));
    }

    /**
     * "ignore GREASE values anywhere": the example hello with GREASE where Chrome puts it (first cipher
     * suite, first and last extension, first supported version and signature algorithm) has the example's
     * fingerprint. 0x7a7a is also numerically above 0x0304, so a GREASE version would win "highest".
     */
    @Test
    void greaseIsIgnoredEverywhere() {
        ClientHello plain = exampleHello();
        List<Integer> ciphers = new ArrayList<>(plain.cipherSuites());
        ciphers.add(0, 0x0a0a);
        List<Extension> extensions = new ArrayList<>();
        extensions.add(new UnknownExtension(0x1a1a, new byte[0]));
        for (Extension e : plain.extensions()) {
            if (e instanceof SupportedVersionsExtension) {
                extensions.add(SupportedVersionsExtension.offered(List.of(0x7a7a, TLS_1_3, TLS_1_2)));
            } else if (e instanceof SignatureAlgorithmsExtension) {
                List<Integer> schemes = new ArrayList<>(plain.signatureAlgorithms());
                schemes.add(0, 0x2a2a);
                extensions.add(new SignatureAlgorithmsExtension(schemes));
            } else {
                extensions.add(e);
            }
        }
        extensions.add(new UnknownExtension(0xfafa, new byte[] {0}));
        ClientHello greased = hello().ciphers(ciphers).extensions(extensions).build();

        assertEquals(Ja4.raw(plain, false), Ja4.raw(greased, false));
        assertEquals("t13d1516h2_8daaf6152771_e5627efa2ab1", Ja4.of(greased, false));
    }

    /** "QUIC and DTLS": "q" for a hello carried by QUIC; the rest is the same. */
    @Test
    void quic() {
        assertEquals("q13d1516h2_8daaf6152771_e5627efa2ab1", Ja4.of(exampleHello(), true));
    }

    /** "ALPN Extension Value": h2, http/1.1, and the hex rule's five examples, 0xAB → "ab" and so on. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "6832, h2",          // "h2"
        "687474702f312e31, h1", // "http/1.1"
        "71, qq",            // "If the first ALPN value is only a single character, then that character
                             //  is treated as both the first and last character."
        "ab, ab",
        "abcd, ad",
        "30ab, 3b",
        "3031abcd, 3d",
        "30abcd31, 01",
        "0a0a, 0a",          // a GREASE ALPN value (RFC 8701 §2) is just non-alphanumeric
    })
    void alpnFirstAndLastCharacters(String firstValueHex, String expected) {
        ClientHello hello = hello().ciphers(0x1301).extension(new AlpnExtension(List.of(
                ClientHelloFiles.unhex(firstValueHex), "h3".getBytes(StandardCharsets.US_ASCII))))
                .build();

        assertEquals("t12i0101" + expected, Ja4.raw(hello, false).substring(0, 10));
    }

    /** "If there is no ALPN extension, no ALPN values, or the first ALPN value is empty, then ... "00"". */
    @Test
    void noAlpn() {
        ClientHello noExtension = hello().ciphers(0x1301).build();
        ClientHello noValues = hello().ciphers(0x1301).extension(new AlpnExtension(List.of())).build();
        ClientHello emptyFirst = hello().ciphers(0x1301)
                .extension(new AlpnExtension(List.of(new byte[0], new byte[] {'h', '2'}))).build();

        assertEquals("t12i010000", prefix(noExtension));
        assertEquals("t12i010100", prefix(noValues));
        assertEquals("t12i010100", prefix(emptyFirst));
    }

    /**
     * "TLS and DTLS Version": the highest non-GREASE supported_versions value, wherever it is in the
     * list, else the hello's version field; unknown values give "00".
     */
    @ParameterizedTest(name = "legacy {0}, supported_versions [{1}] -> {2}")
    @CsvSource({
        "0303, '0304,0303', 13",
        "0303, '0303,0304', 13",   // highest, not first
        "0303, '7a7a,0303', 12",   // GREASE is not a version
        "0303, '7a7a',      12",   // nothing but GREASE: the version field decides
        "0304, '',          13",
        "0303, '',          12",
        "0302, '',          11",
        "0301, '',          10",
        "0300, '',          s3",
        "0002, '',          s2",
        "0305, '',          00",   // "Unknown"
        "0303, '7f1c',      00",   // a draft version, unknown to the table
    })
    void version(String legacyVersion, String supportedVersions, String expected) {
        Hellos.Builder b = hello().legacyVersion(Integer.parseInt(legacyVersion, 16)).ciphers(0x1301);
        if (!supportedVersions.isEmpty()) {
            b.extension(SupportedVersionsExtension.offered(Hellos.hexCodes(supportedVersions)));
        }

        assertEquals(expected, prefix(b.build()).substring(1, 3));
    }

    /**
     * "SNI": "If the SNI extension (0x0000) exists, then the destination ... is a domain, or "d"". It is
     * the extension that counts: an IP literal in it (which RFC 6066 §3 forbids, yet some clients send)
     * still gives "d"; FoxIO's Rust implementation (rust/ja4/src/tls.rs) tests the same presence.
     */
    @Test
    void sni() {
        ClientHello domain = hello().ciphers(0x1301).extension(ServerNameExtension.hostName("example.com")).build();
        ClientHello ipLiteral = hello().ciphers(0x1301).extension(ServerNameExtension.hostName("192.0.2.1")).build();
        ClientHello none = hello().ciphers(0x1301).extension(empty(0x0017)).build();

        assertEquals('d', prefix(domain).charAt(3));
        assertEquals('d', prefix(ipLiteral).charAt(3));
        assertEquals('i', prefix(none).charAt(3));
    }

    /** "Number of Ciphers": "If there's > 99 ... then output "99"", and the same for extensions; the lists keep all. */
    @Test
    void countsStopAt99() {
        Hellos.Builder b = hello();
        for (int code = 1; code <= 120; code++) {
            b.ciphers(code);
            b.extension(empty(0x1000 + code));
        }
        ClientHello hello = b.build();
        String[] raw = Ja4.raw(hello, false).split("_");

        assertEquals("t12i999900", raw[0]);
        assertEquals(120, raw[1].split(",").length);
        assertEquals(120, raw[2].split(",").length);
    }

    /**
     * "Number of Ciphers": "Do, however, count other non-cipher values such as SCSV (0x00FF, 0x5600)
     * and Experimental/Reserved values (0xFE00-0xFEFF)"; "Number of Extensions": "Include SNI and ALPN".
     */
    @Test
    void countsIncludeSignallingValuesSniAndAlpn() {
        ClientHello hello = hello().ciphers(0x1301, 0x00ff, 0x5600, 0xfe10)
                .extension(ServerNameExtension.hostName("example.com"))
                .extension(AlpnExtension.of("h2"))
                .build();

        assertEquals("t12d0402h2", prefix(hello));
    }

    /**
     * "Cipher hash", "Extension hash": "If there are no ciphers in the sorted cipher list, then the value
     * of JA4_b is set to 000000000000", and likewise JA4_c; SNI and ALPN alone leave JA4_c's list empty.
     */
    @Test
    void emptyListsAreZeros() {
        ClientHello nothing = hello().build();
        ClientHello sniAndAlpnOnly = hello().ciphers(0x1301)
                .extension(ServerNameExtension.hostName("example.com")).extension(AlpnExtension.of("h2")).build();

        assertEquals("t12i000000_000000000000_000000000000", Ja4.of(nothing, false));
        assertEquals("t12i000000__", Ja4.raw(nothing, false));
        assertTrue(Ja4.of(sniAndAlpnOnly, false).endsWith("_000000000000"));
    }

    /**
     * "Extension hash": the signature algorithms are signature_algorithms' (0x000d), in their order;
     * signature_algorithms_cert (0x0032) is only an extension in the list.
     */
    @Test
    void signatureAlgorithmsInWireOrderFromSignatureAlgorithmsOnly() {
        ClientHello hello = hello().ciphers(0x1301)
                .extension(new UnknownExtension(0x0032, new byte[] {0, 2, 0x02, 0x01}))
                .extension(new SignatureAlgorithmsExtension(List.of(0x0804, 0x0403, 0x0201)))
                .build();

        assertEquals("t12i010200_1301_000d,0032_0804,0403,0201", Ja4.raw(hello, false));
    }

    private static ClientHello exampleHello() {
        return Hellos.fromJa4Ro(EXAMPLE_JA4_RO, TLS_1_2, List.of(TLS_1_3, TLS_1_2), "example.com", "h2", "http/1.1");
    }

    private static String prefix(ClientHello hello) {
        return Ja4.raw(hello, false).split("_")[0];
    }
}
