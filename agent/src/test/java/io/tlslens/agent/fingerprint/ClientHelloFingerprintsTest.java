package io.tlslens.agent.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ExtensionType;
import io.tlslens.wire.SignatureAlgorithmsExtension;
import io.tlslens.wire.SupportedGroupsExtension;
import io.tlslens.wire.SupportedVersionsExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientHelloFingerprintsTest {

    /** Real hellos of several clients, each decoded twice: what the cache hands out is what Ja3 and Ja4 compute. */
    @Test
    void sameAsComputingThemForRealHellos() {
        Map<String, ClientHello> first = ClientHelloFiles.load();
        Map<String, ClientHello> second = ClientHelloFiles.load();
        for (Map.Entry<String, ClientHello> entry : first.entrySet()) {
            ClientHello hello = entry.getValue();
            ClientHelloFingerprints fingerprints = ClientHelloFingerprints.of(hello);
            assertEquals(Ja3.hash(hello), fingerprints.ja3Hash(), entry.getKey());
            assertEquals(Ja4.of(hello, false), fingerprints.ja4(), entry.getKey());
            assertSame(fingerprints, ClientHelloFingerprints.of(second.get(entry.getKey())), entry.getKey());
        }
    }

    /** A client picks new GREASE values on every connection; its fingerprints, and so the cache entry, stay. */
    @Test
    void greaseValuesShareOneEntry() {
        ClientHello one = hello(0x0a0a, 0x1a1a, List.of(0x0403, 0x0804));
        ClientHello other = hello(0xdada, 0x3a3a, List.of(0x0403, 0x0804));
        assertSame(ClientHelloFingerprints.of(one), ClientHelloFingerprints.of(other));
        assertEquals(Ja4.of(other, false), ClientHelloFingerprints.of(other).ja4());
    }

    /** Signature algorithms are in JA4 (in their order) but not in JA3: the key must tell them apart. */
    @Test
    void helloThatDifferOnlyInWhatJa4ReadsGetTheirOwnFingerprints() {
        ClientHello one = hello(0x0a0a, 0x1a1a, List.of(0x0403, 0x0804));
        ClientHello reordered = hello(0x0a0a, 0x1a1a, List.of(0x0804, 0x0403));
        ClientHelloFingerprints a = ClientHelloFingerprints.of(one);
        ClientHelloFingerprints b = ClientHelloFingerprints.of(reordered);
        assertEquals(a.ja3Hash(), b.ja3Hash());
        assertNotEquals(a.ja4(), b.ja4());
        assertEquals(Ja4.of(reordered, false), b.ja4());
    }

    /** A hello with an absurd number of cipher suites is fingerprinted all the same, but not kept. */
    @Test
    void hugeHellosAreNotKept() {
        List<Integer> suites = new ArrayList<>();
        for (int i = 0; i <= ClientHelloFingerprints.MAX_CACHED_CODES; i++) {
            suites.add(0x1000 + i);
        }
        ClientHello huge = Hellos.hello().ciphers(suites).build();
        ClientHelloFingerprints fingerprints = ClientHelloFingerprints.of(huge);
        assertEquals(Ja4.of(huge, false), fingerprints.ja4());
        assertEquals(Ja3.hash(huge), fingerprints.ja3Hash());
        assertNotSame(fingerprints, ClientHelloFingerprints.of(huge));
    }

    private static ClientHello hello(int greaseCipher, int greaseGroup, List<Integer> signatureAlgorithms) {
        return Hellos.hello()
                .ciphers(greaseCipher, 0x1301, 0x1302, 0xc02b)
                .extension(Hellos.empty(greaseGroup))
                .extension(new SupportedGroupsExtension(List.of(greaseGroup, 0x001d, 0x0017)))
                .extension(new SignatureAlgorithmsExtension(signatureAlgorithms))
                .extension(SupportedVersionsExtension.offered(List.of(greaseGroup, Hellos.TLS_1_3, Hellos.TLS_1_2)))
                .extension(AlpnExtension.of("h2", "http/1.1"))
                .extension(Hellos.empty(ExtensionType.extended_master_secret))
                .build();
    }
}
