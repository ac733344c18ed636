package io.tlslens.examples.scenario.good;

import java.util.Locale;

/** Scenario name parts. */
final class Names {
    private Names() {
    }

    /** {@code TLSv1.3} → {@code tls13}. */
    static String version(String protocol) {
        return protocol.toLowerCase(Locale.ROOT).replace("v", "").replace(".", "");
    }

    /** {@code TLSv1.3} → {@code tls1_3}, openssl's option for "this version only". */
    static String flag(String protocol) {
        return protocol.toLowerCase(Locale.ROOT).replace("v", "").replace(".", "_");
    }
}
