package io.tlslens.examples.scenario;

import java.util.Optional;

/**
 * One TLS case over loopback inside this JVM: a real client and a real server (JSSE, a raw socket, or an
 * openssl process), every wait bounded. A handshake that fails is reported in the {@link Outcome}, not
 * thrown: for a failure case it is the point.
 */
public interface Scenario {
    /** Short, unique, lower-case with dashes: what the gallery takes on its command line. */
    String name();

    /** One sentence: what the peers do. */
    String description();

    Expectation expectation();

    /** Why this scenario cannot run in this environment (e.g. no openssl on PATH); empty when it can. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /**
     * Runs the handshake(s).
     *
     * @throws Exception only when the scenario could not be set up (no port, no key), never for a
     *                   handshake that failed
     */
    Outcome run(ScenarioContext context) throws Exception;
}
