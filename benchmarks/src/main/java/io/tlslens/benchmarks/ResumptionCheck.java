package io.tlslens.benchmarks;

import java.io.IOException;

/**
 * Makes sure a benchmark measures the handshake it is named after. A stack decides on its own whether to resume
 * (session cache, tickets, system properties), and a "full" benchmark that silently resumes would report
 * numbers ten times too good. The evidence is on the wire: a full handshake's server sends its certificate
 * chain, a resumed one does not, so the second of two connections must send about a chain's worth of bytes
 * less than the first (always full) one exactly when it resumed. Comparing with the first connection, not
 * with the chain alone, stays right whatever else the server sends (tickets may carry certificates).
 */
final class ResumptionCheck {
    private ResumptionCheck() {
    }

    /** One connection made the way the benchmark makes them; returns the bytes its server sent. */
    @FunctionalInterface
    interface Handshake {
        long run() throws IOException;
    }

    /** Makes two connections with fresh peers (so the first is full) and checks how the second one went. */
    static void expect(Handshake handshake, int serverChainBytes, boolean resumed) throws IOException {
        long fullBytes = handshake.run();
        long secondBytes = handshake.run();
        boolean sentChain = secondBytes > fullBytes - serverChainBytes / 2;
        if (sentChain == resumed) {
            String what = resumed ? "the second connection did not resume the first one's session"
                    : "the client resumed a session it had been made to forget";
            throw new IllegalStateException(what + " (the server sent " + secondBytes + " bytes after " + fullBytes
                    + " for a full handshake with a " + serverChainBytes + "-byte certificate chain)");
        }
    }
}
