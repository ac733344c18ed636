package io.tlslens.agent.fingerprint;

import io.tlslens.wire.ClientHello;
import java.util.Collections;
import java.util.List;

/** The two-character TLS version of JA4_a (JA4.md, "TLS and DTLS Version"). */
final class Ja4Version {
    private Ja4Version() {
    }

    /**
     * "If extension 0x002b exists (supported_versions), then the version is the highest value in the
     * extension. Remember to ignore GREASE values. If the extension doesn't exist, then the TLS version
     * is the value of the Protocol Version." A supported_versions that holds GREASE only is taken as
     * absent: the spec leaves that case open, and the legacy version is the best remaining evidence.
     */
    static String of(ClientHello hello) {
        List<Integer> offered = Codes.withoutGrease(hello.supportedVersions());
        return code(offered.isEmpty() ? hello.legacyVersion() : Collections.max(offered));
    }

    /**
     * The spec's table for TLS and SSL. Its DTLS rows (d1, d2, d3) are left out with JA4's "d"
     * protocol: the wire codec decodes TLS ClientHellos only, which have no DTLS cookie field.
     */
    static String code(int version) {
        switch (version) {
            case 0x0304: return "13";
            case 0x0303: return "12";
            case 0x0302: return "11";
            case 0x0301: return "10";
            case 0x0300: return "s3";
            case 0x0002: return "s2";
            default: return "00";
        }
    }
}
