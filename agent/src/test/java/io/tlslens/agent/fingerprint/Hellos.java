package io.tlslens.agent.fingerprint;

import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.Extension;
import io.tlslens.wire.ExtensionType;
import io.tlslens.wire.ServerNameExtension;
import io.tlslens.wire.SignatureAlgorithmsExtension;
import io.tlslens.wire.SupportedVersionsExtension;
import io.tlslens.wire.UnknownExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** ClientHellos built with the wire API from the field values that published examples give. */
final class Hellos {
    static final int TLS_1_0 = 0x0301;
    static final int TLS_1_2 = 0x0303;
    static final int TLS_1_3 = 0x0304;

    private Hellos() {
    }

    static Builder hello() {
        return new Builder();
    }

    /** "1301,1302,c02b" as codes. */
    static List<Integer> hexCodes(String commaSeparated) {
        if (commaSeparated.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(h -> Integer.parseInt(h, 16)).collect(Collectors.toList());
    }

    /** An extension of that type whose content no fingerprint reads. */
    static Extension empty(int type) {
        return new UnknownExtension(type, new byte[0]);
    }

    /**
     * The hello behind a published {@code ja4_ro} ("the original values in the original order, less
     * GREASE values", SNI and ALPN included; JA4.md, Raw Output): its cipher suites and extensions in
     * that order, its signature algorithms. What {@code ja4_ro} does not show, the content of SNI, ALPN
     * and supported_versions, comes from the arguments: the published record's domain, and the ALPN and
     * versions its JA4_a implies.
     */
    static ClientHello fromJa4Ro(String ja4ro, int legacyVersion, List<Integer> supportedVersions,
            String serverName, String... alpn) {
        String[] parts = ja4ro.split("_", -1);
        List<Integer> signatureAlgorithms = parts.length > 3 ? hexCodes(parts[3]) : List.of();
        Builder b = hello().legacyVersion(legacyVersion).ciphers(hexCodes(parts[1]));
        for (int type : hexCodes(parts[2])) {
            switch (type) {
                case ExtensionType.server_name:
                    b.extension(ServerNameExtension.hostName(serverName));
                    break;
                case ExtensionType.application_layer_protocol_negotiation:
                    b.extension(AlpnExtension.of(alpn));
                    break;
                case ExtensionType.supported_versions:
                    b.extension(SupportedVersionsExtension.offered(supportedVersions));
                    break;
                case ExtensionType.signature_algorithms:
                    b.extension(new SignatureAlgorithmsExtension(signatureAlgorithms));
                    break;
                default:
                    b.extension(empty(type));
            }
        }
        return b.build();
    }

    static final class Builder {
        private int legacyVersion = TLS_1_2;
        private final List<Integer> ciphers = new ArrayList<>();
        private final List<Extension> extensions = new ArrayList<>();

        Builder legacyVersion(int version) {
            legacyVersion = version;
            return this;
        }

        Builder ciphers(List<Integer> codes) {
            ciphers.addAll(codes);
            return this;
        }

        Builder ciphers(Integer... codes) {
            return ciphers(Arrays.asList(codes));
        }

        Builder extension(Extension extension) {
            extensions.add(extension);
            return this;
        }

        Builder extensions(List<Extension> list) {
            extensions.addAll(list);
            return this;
        }

        ClientHello build() {
            return new ClientHello(legacyVersion, new byte[32], new byte[0], ciphers, List.of(0), extensions);
        }
    }
}
