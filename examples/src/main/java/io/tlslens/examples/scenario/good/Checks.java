package io.tlslens.examples.scenario.good;

import io.tlslens.examples.scenario.Negotiated;

/** The properties good scenarios check after their handshakes; each returns null when it holds. */
final class Checks {
    private Checks() {
    }

    static String protocol(String expected, Negotiated seen) {
        return expected.equals(seen.protocol()) ? null
                : "expected " + expected + ", negotiated " + seen.protocol();
    }

    static String applicationProtocol(String expected, Negotiated seen) {
        return expected.equals(seen.applicationProtocol()) ? null
                : "expected ALPN " + expected + ", negotiated '" + seen.applicationProtocol() + "'";
    }

    /** The first non-null of {@code results}. */
    static String first(String... results) {
        for (String result : results) {
            if (result != null) {
                return result;
            }
        }
        return null;
    }
}
