package io.tlslens.agent.fingerprint;

import static io.tlslens.agent.fingerprint.Hellos.TLS_1_0;
import static io.tlslens.agent.fingerprint.Hellos.TLS_1_2;
import static io.tlslens.agent.fingerprint.Hellos.TLS_1_3;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlslens.wire.ClientHello;
import io.tlslens.wire.Extension;
import io.tlslens.wire.SignatureAlgorithmsExtension;
import io.tlslens.wire.UnknownExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JA4 of real clients' hellos as FoxIO's own test suite publishes them: the expected output for its
 * test captures, FoxIO-LLC/ja4 python/test/testdata/*.json. Each record gives {@code JA4_ro}, the
 * hello's lists in wire order less GREASE, from which the hello is rebuilt, and the {@code JA4} and
 * {@code JA4_r} to reproduce.
 */
class Ja4PublishedTest {
    private static final String SIGALG_GREASE_JA4 = "t13d1517h2_8daaf6152771_cb7bf5808d99";

    static Stream<Arguments> published() {
        return Stream.of(
                // tls-sni.pcapng stream 5: first ALPN value http/1.1
                Arguments.of("tls-sni.pcapng#5", hello(
                        "t13d1516h1_1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035_"
                                + "000d,0033,0000,ff01,002b,0023,002d,0005,0012,000b,0017,4469,0010,001b,000a,0015_"
                                + "0403,0804,0401,0503,0805,0501,0806,0601",
                        TLS_1_3, "lp-push-server-452.lastpass.com", "http/1.1"),
                        "t13d1516h1_8daaf6152771_e5627efa2ab1",
                        "t13d1516h1_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
                                + "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_"
                                + "0403,0804,0401,0503,0805,0501,0806,0601"),
                // tls-sni.pcapng stream 6: no ALPN
                Arguments.of("tls-sni.pcapng#6", hello(
                        "t13d151400_1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035_"
                                + "0033,002b,001b,0000,0012,002d,000d,000a,0005,0023,0017,ff01,000b,0015_"
                                + "0403,0804,0401,0503,0805,0501,0806,0601",
                        TLS_1_3, "mtalk.google.com"),
                        "t13d151400_8daaf6152771_de4a06bb82e3",
                        "t13d151400_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
                                + "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,ff01_"
                                + "0403,0804,0401,0503,0805,0501,0806,0601"),
                // latest.pcapng stream 3: a TLS 1.2 client, no supported_versions
                Arguments.of("latest.pcapng#3", hello(
                        "t12d190800_c02c,c02b,c030,c02f,c024,c023,c028,c027,c00a,c009,c014,c013,009d,009c,003d,003c,"
                                + "0035,002f,000a_0000,0005,000a,000b,000d,0023,0017,ff01_"
                                + "0804,0805,0806,0401,0501,0201,0403,0503,0203,0202,0601,0603",
                        TLS_1_2, "discovery.cem.cloud.us"),
                        "t12d190800_d83cc789557e_7af1ed941c26",
                        "t12d190800_000a,002f,0035,003c,003d,009c,009d,c009,c00a,c013,c014,c023,c024,c027,c028,c02b,"
                                + "c02c,c02f,c030_0005,000a,000b,000d,0017,0023,ff01_"
                                + "0804,0805,0806,0401,0501,0201,0403,0503,0203,0202,0601,0603"),
                // badcurveball.pcap
                Arguments.of("badcurveball.pcap#0", hello(
                        "t13d1615h2_1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035,000a_"
                                + "0000,0017,ff01,000a,000b,0023,0010,0005,000d,0012,0033,002d,002b,001b,0015_"
                                + "0403,0804,0401,0503,0805,0501,0806,0601,0201",
                        TLS_1_3, "bad.curveballtest.com", "h2", "http/1.1"),
                        "t13d1615h2_46e7e9700bed_45f260be83e2",
                        "t13d1615h2_000a,002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
                                + "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,ff01_"
                                + "0403,0804,0401,0503,0805,0501,0806,0601,0201"),
                // sigalg-grease.pcapng: a Chrome hello whose signature algorithms carried GREASE, which
                // the published lists show removed; greasedSignatureAlgorithms() puts one back
                Arguments.of("sigalg-grease.pcapng#0", sigalgGreaseHello(), SIGALG_GREASE_JA4,
                        "t13d1517h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
                                + "0005,000a,000b,000d,0012,0017,001b,0023,002b,002d,0033,44cd,ca34,fe0d,ff01_"
                                + "0904,0905,0906,0403,0804,0401,0503,0805,0501,0806,0601"),
                // https3-301-get.pcap: a TLS 1.0 client with SNI as its only extension, so JA4_c's list is
                // empty: 000000000000, and JA4_r ends with the '_' before it
                Arguments.of("https3-301-get.pcap#0", Hellos.fromJa4Ro(
                        "t10d230100_0039,0038,0035,0016,0013,000a,0033,0032,002f,009a,0099,0096,0005,0004,0015,0012,"
                                + "0009,0014,0011,0008,0006,0003,00ff_0000",
                        TLS_1_0, List.of(), "www.github.com"),
                        "t10d230100_6a57a6f57151_000000000000",
                        "t10d230100_0003,0004,0005,0006,0008,0009,000a,0011,0012,0013,0014,0015,0016,002f,0032,0033,"
                                + "0035,0038,0039,0096,0099,009a,00ff_"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published")
    void ja4(String record, ClientHello hello, String ja4, String ja4r) {
        assertEquals(ja4, Ja4.of(hello, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published")
    void ja4Raw(String record, ClientHello hello, String ja4, String ja4r) {
        assertEquals(ja4r, Ja4.raw(hello, false));
    }

    /**
     * sigalg-grease.pcapng with GREASE put back. Where the capture had it is not published; first is
     * where Chrome puts GREASE in its lists.
     */
    @Test
    void greasedSignatureAlgorithms() {
        ClientHello published = sigalgGreaseHello();
        List<Extension> extensions = new ArrayList<>();
        extensions.add(new UnknownExtension(0x3a3a, new byte[0]));
        for (Extension e : published.extensions()) {
            if (e instanceof SignatureAlgorithmsExtension) {
                List<Integer> schemes = new ArrayList<>(published.signatureAlgorithms());
                schemes.add(0, 0xbaba);
                e = new SignatureAlgorithmsExtension(schemes);
            }
            extensions.add(e);
        }
        ClientHello greased = Hellos.hello().ciphers(0x4a4a).ciphers(published.cipherSuites()).extensions(extensions).build();

        assertEquals(SIGALG_GREASE_JA4, Ja4.of(greased, false));
    }

    private static ClientHello sigalgGreaseHello() {
        return hello("t13d1517h2_1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035_"
                        + "fe0d,0010,0017,0033,44cd,ff01,000a,000d,0023,002b,000b,ca34,002d,0000,0005,001b,0012_"
                        + "0904,0905,0906,0403,0804,0401,0503,0805,0501,0806,0601",
                TLS_1_3, "optimizationguide-pa.googleapis.com", "h2", "http/1.1");
    }

    /**
     * The hello of a {@code JA4_ro}, with version field 0x0303 and, for a {@code version} of TLS 1.3
     * (JA4_a's "13"), supported_versions 1.3 then 1.2.
     */
    private static ClientHello hello(String ja4ro, int version, String serverName, String... alpn) {
        List<Integer> supportedVersions = version == TLS_1_3 ? List.of(TLS_1_3, TLS_1_2) : List.of();
        return Hellos.fromJa4Ro(ja4ro, TLS_1_2, supportedVersions, serverName, alpn);
    }
}
