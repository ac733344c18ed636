package io.tlslens.agent.fingerprint;

import static io.tlslens.agent.fingerprint.Hellos.TLS_1_0;
import static io.tlslens.agent.fingerprint.Hellos.TLS_1_2;
import static io.tlslens.agent.fingerprint.Hellos.TLS_1_3;
import static io.tlslens.agent.fingerprint.Hellos.empty;
import static io.tlslens.agent.fingerprint.Hellos.hello;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlslens.wire.ClientHello;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.EcPointFormatsExtension;
import io.tlslens.wire.ServerNameExtension;
import io.tlslens.wire.SupportedGroupsExtension;
import io.tlslens.wire.SupportedVersionsExtension;
import io.tlslens.wire.UnknownExtension;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JA3 against the examples of the salesforce/ja3 README, and the rules of its reference implementation. */
class Ja3Test {

    /** README, "How it works": the example with extensions, and its MD5. */
    @Test
    void readmeExample() {
        ClientHello hello = readmeHello();

        assertEquals("769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0", Ja3.of(hello));
        assertEquals("ada70206e40642a3e4461f35503241d5", Ja3.hash(hello));
    }

    /**
     * README: "If there are no SSL Extensions in the Client Hello, the fields are left empty", for
     * {@code 769,4-5-10-9-100-98-3-6-19-18-99,,,}. Decoded from bytes because such a hello, as old
     * clients send it, has no extensions block at all, which the constructor cannot express.
     */
    @Test
    void readmeExampleWithoutExtensions() throws DecodeException {
        ClientHello hello = ClientHello.decode(ClientHelloFiles.unhex(""
                + "0301"                                                              // client_version TLS 1.0
                + "0000000000000000000000000000000000000000000000000000000000000000"  // random
                + "00"                                                                // session_id, empty
                + "0016" + "0004" + "0005" + "000a" + "0009" + "0064" + "0062"        // 11 cipher suites
                + "0003" + "0006" + "0013" + "0012" + "0063"
                + "0100"));                                                           // compression: null; no extensions block

        assertEquals("769,4-5-10-9-100-98-3-6-19-18-99,,,", Ja3.of(hello));
        assertEquals("de350869b8c85de67a350c8d186f11e6", Ja3.hash(hello));
    }

    /** README: "JA3 ignores these values completely", in every list that can carry them. */
    @Test
    void greaseIsIgnoredEverywhere() {
        ClientHello greased = hello().legacyVersion(TLS_1_0)
                .ciphers(0x0a0a, 47, 53, 5, 10, 49161, 49162, 49171, 49172, 50, 56, 19, 4)
                .extension(new UnknownExtension(0x1a1a, new byte[0]))
                .extension(ServerNameExtension.hostName("example.com"))
                .extension(new SupportedGroupsExtension(List.of(0x2a2a, 23, 24, 25)))
                .extension(new EcPointFormatsExtension(List.of(0)))
                .extension(new UnknownExtension(0xfafa, new byte[] {0}))
                .build();

        assertEquals(Ja3.of(readmeHello()), Ja3.of(greased));
    }

    /**
     * SSLVersion is the hello's version field, which TLS 1.3 clients keep at 0x0303 (RFC 8446
     * §4.1.2): JA3 reads 771 for them, not supported_versions' 772.
     */
    @Test
    void versionIsTheLegacyVersionField() {
        ClientHello tls13 = hello().legacyVersion(TLS_1_2).ciphers(0x1301)
                .extension(SupportedVersionsExtension.offered(List.of(TLS_1_3, TLS_1_2)))
                .build();

        assertEquals("771,4865,43,,", Ja3.of(tls13));
    }

    /** Extension types are listed in wire order, not sorted (unlike JA4), and whatever their content. */
    @Test
    void extensionsInWireOrder() {
        ClientHello hello = hello().ciphers(0x1301)
                .extension(empty(0xff01)).extension(empty(0x0017)).extension(empty(0x0000))
                .build();

        assertEquals("771,4865,65281-23-0,,", Ja3.of(hello));
    }

    private static ClientHello readmeHello() {
        return hello().legacyVersion(TLS_1_0)
                .ciphers(47, 53, 5, 10, 49161, 49162, 49171, 49172, 50, 56, 19, 4)
                .extension(ServerNameExtension.hostName("example.com"))
                .extension(new SupportedGroupsExtension(List.of(23, 24, 25)))
                .extension(new EcPointFormatsExtension(List.of(0)))
                .build();
    }
}
