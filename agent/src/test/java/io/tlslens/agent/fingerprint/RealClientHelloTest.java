package io.tlslens.agent.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.ClientHello;
import io.tlslens.wire.Extension;
import io.tlslens.wire.Grease;
import io.tlslens.wire.SignatureAlgorithmsExtension;
import io.tlslens.wire.SupportedGroupsExtension;
import io.tlslens.wire.SupportedVersionsExtension;
import io.tlslens.wire.UnknownExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fingerprints of real ClientHellos, OpenSSL's and SunJSSE's, decoded from their bytes
 * (src/test/resources/fingerprint; the README there says where each expected value comes from).
 */
class RealClientHelloTest {

    /** JA3 as Wireshark 4.0.17 computes it for the same bytes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "openssl-pinned-1 | 771,4865-4867-49195-255,0-11-10-16-22-23-13-43-45-51,29-23,0-1-2"
                + " | 892bb27a3feba60375413e9752c7ad68",
        "openssl-default | 771,4866-4867-4865-49196-49200-159-52393-52392-52394-49195-49199-158-49188-49192-107-49187"
                + "-49191-103-49162-49172-57-49161-49171-51-157-156-61-60-53-47-255,0-11-10-35-16-22-23-13-43-45-51,"
                + "29-23-30-25-24-256-257-258-259-260,0-1-2 | 5a1edc7f170af1014fc65c994878e63c",
        "openssl-tls12-no-sni | '771,158-255,35-22-23-13,,' | 4cbb54047b078e0371c548c1f1eb9e05",
        "jsse-tls13 | '771,4866-4865-4867,0-5-10-16-13-43-45-50-51,29-23-24-25-30-256-257-258-259-260,'"
                + " | 605f04d065736f9994296308989d52d9",
        "jsse-tls12 | 771,49196,0-5-10-11-16-17-23-35-13-43-50-65281,29-23-24-25-30,0 | adf5ba18dbe69d0e2bcfdc86400433c5",
    })
    void ja3AsWiresharkComputesIt(String name, String ja3, String hash) {
        ClientHello hello = ClientHelloFiles.get(name);

        assertEquals(ja3, Ja3.of(hello));
        assertEquals(hash, Ja3.hash(hello));
    }

    /** JA4 of the pinned OpenSSL command, worked out by hand from its -trace listing. */
    @Test
    void ja4OfPinnedOpenSsl() {
        ClientHello hello = ClientHelloFiles.get("openssl-pinned-1");

        assertEquals("t13d0410h2_00ff,1301,1303,c02b_000a,000b,000d,0016,0017,002b,002d,0033_0403,0804,0807",
                Ja4.raw(hello, false));
        assertEquals("t13d0410h2_74dcdece09cd_1fa77fc865ca", Ja4.of(hello, false));
    }

    /**
     * JA4_a of each hello: version from supported_versions (SunJSSE sends it even when it offers TLS 1.2
     * only), SNI, and the first ALPN value, for the options in client-hellos.txt; the counts, here
     * taken from the JA3 fields above.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "openssl-pinned-1, t13d0410h2",
        "openssl-default, t13d3111h2",
        "openssl-tls12-no-sni, t12i020400",
        "jsse-tls13, t13d0309h2",
        "jsse-tls12, t12d0112h2",
    })
    void ja4Prefix(String name, String prefix) {
        assertTrue(Ja4.of(ClientHelloFiles.get(name), false).startsWith(prefix + "_"));
    }

    /** The counts and lists of JA4 against the decoded hello's own lists, for every hello. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"openssl-pinned-1", "openssl-default", "openssl-tls12-no-sni", "jsse-tls13", "jsse-tls12"})
    void ja4MatchesTheDecodedLists(String name) {
        ClientHello hello = ClientHelloFiles.get(name);
        List<Integer> ciphers = notGrease(hello.cipherSuites());
        List<Integer> extensions = notGrease(hello.extensions().stream().map(Extension::type).collect(Collectors.toList()));
        String[] raw = Ja4.raw(hello, false).split("_");

        assertEquals(String.format("%02d", ciphers.size()), raw[0].substring(4, 6));
        assertEquals(String.format("%02d", extensions.size()), raw[0].substring(6, 8));
        assertEquals(ciphers.size(), raw[1].split(",").length);
        // every extension but SNI and ALPN, which JA4_a shows instead
        int sniAndAlpn = (int) extensions.stream().filter(t -> t == 0x0000 || t == 0x0010).count();
        assertEquals(extensions.size() - sniAndAlpn, raw[2].split(",").length);
        assertFalse(Arrays.asList(raw[2].split(",")).contains("0000"));
        assertFalse(Arrays.asList(raw[2].split(",")).contains("0010"));
        // signature_algorithms' list, in its order; never signature_algorithms_cert's
        assertEquals(hello.signatureAlgorithms().stream().map(c -> String.format("%04x", c)).collect(Collectors.joining(",")),
                raw[3]);
    }

    /** JA3's SSLVersion is the version field: 771 for TLS 1.3 hellos too. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"openssl-pinned-1", "openssl-default", "jsse-tls13"})
    void ja3VersionIs771ForTls13Hellos(String name) {
        ClientHello hello = ClientHelloFiles.get(name);

        assertTrue(hello.supportedVersions().contains(0x0304));
        assertTrue(Ja3.of(hello).startsWith("771,"));
    }

    /**
     * Two connections of the same command differ in random, session id and key share, and have the
     * same fingerprints; decoding the same bytes again gives them too.
     */
    @Test
    void stableAcrossConnections() {
        ClientHello first = ClientHelloFiles.get("openssl-pinned-1");
        ClientHello second = ClientHelloFiles.get("openssl-pinned-2");

        assertFalse(Arrays.equals(first.random(), second.random()));
        assertNotEquals(first, second);
        assertEquals(Ja3.hash(first), Ja3.hash(second));
        assertEquals(Ja4.of(first, false), Ja4.of(second, false));
        assertEquals(Ja4.of(first, false), Ja4.of(ClientHelloFiles.get("openssl-pinned-1"), false));
    }

    /**
     * A real hello with GREASE added where Chrome sends it, in every list the fingerprints read: both
     * fingerprints are the ones without it.
     */
    @Test
    void greaseInARealHelloChangesNothing() {
        ClientHello real = ClientHelloFiles.get("openssl-pinned-1");
        List<Integer> ciphers = new ArrayList<>(real.cipherSuites());
        ciphers.add(0, 0x0a0a);
        List<Extension> extensions = new ArrayList<>();
        extensions.add(new UnknownExtension(0x1a1a, new byte[0]));
        for (Extension e : real.extensions()) {
            if (e instanceof SupportedGroupsExtension) {
                e = new SupportedGroupsExtension(withGreaseFirst(0x2a2a, real.supportedGroups()));
            } else if (e instanceof SupportedVersionsExtension) {
                e = SupportedVersionsExtension.offered(withGreaseFirst(0x3a3a, real.supportedVersions()));
            } else if (e instanceof SignatureAlgorithmsExtension) {
                e = new SignatureAlgorithmsExtension(withGreaseFirst(0x4a4a, real.signatureAlgorithms()));
            }
            extensions.add(e);
        }
        extensions.add(new UnknownExtension(0x5a5a, new byte[] {0}));
        ClientHello greased = new ClientHello(real.legacyVersion(), real.random(), real.sessionId(), ciphers,
                real.compressionMethods(), extensions);

        assertEquals(Ja3.of(real), Ja3.of(greased));
        assertEquals(Ja4.raw(real, false), Ja4.raw(greased, false));
    }

    private static List<Integer> withGreaseFirst(int grease, List<Integer> codes) {
        List<Integer> out = new ArrayList<>(codes);
        out.add(0, grease);
        return out;
    }

    private static List<Integer> notGrease(List<Integer> codes) {
        return codes.stream().filter(c -> !Grease.isGrease(c)).collect(Collectors.toList());
    }
}
