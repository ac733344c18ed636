package io.tlslens.benchmarks;

import javax.net.ssl.SSLException;

/**
 * Makes sure a benchmark measures the handshake it is named after. JSSE decides on its own whether to resume
 * (session cache, tickets, system properties), and a "full" benchmark that silently resumes would report
 * numbers ten times too good. The evidence is on the wire: a full handshake's server sends its certificate
 * chain, a resumed one does not, so the second of two connections must send about a chain's worth of bytes
 * less than the first (always full) one exactly when it resumed. Comparing with the first connection, not
 * with the chain alone, stays right whatever else the server sends (tickets may carry certificates).
 */
final class ResumptionCheck {
    private ResumptionCheck() {
    }

    /** Connects to {@code firstPort}, then to {@code secondPort}, and checks how the second one went. */
    static void expect(Peers peers, int firstPort, int secondPort, boolean resumed) throws SSLException {
        long fullBytes = peers.established(firstPort).serverBytesSent();
        long secondBytes = peers.established(secondPort).serverBytesSent();
        boolean sentChain = secondBytes > fullBytes - peers.serverChainBytes() / 2;
        if (sentChain == resumed) {
            throw new IllegalStateException("expected a " + (resumed ? "resumed" : "full") + " handshake, but the "
                    + "server sent " + secondBytes + " bytes after " + fullBytes + " for a full handshake with a "
                    + peers.serverChainBytes() + "-byte certificate chain");
        }
    }
}
