package io.tlslens.examples.scenario;

import java.util.List;
import java.util.function.Supplier;

/**
 * What happened when a scenario ran: each side's failure (null when that side completed), what each side
 * saw of the handshakes that did complete, and, for a handshake that completed, a property that did not
 * hold (e.g. "expected ALPN h2"). A failed handshake is a normal outcome; whether it was the expected one
 * is {@link Expectation#isMetBy}'s call.
 */
public final class Outcome {
    private static final int MAX_MESSAGE = 160;

    private final Throwable clientFailure;
    private final Throwable serverFailure;
    private final List<Negotiated> client;
    private final List<Negotiated> server;
    private final String unmet;

    private Outcome(Throwable clientFailure, Throwable serverFailure, List<Negotiated> client,
            List<Negotiated> server, String unmet) {
        this.clientFailure = clientFailure;
        this.serverFailure = serverFailure;
        this.client = List.copyOf(client);
        this.server = List.copyOf(server);
        this.unmet = unmet;
    }

    /**
     * @param clientFailure what the client threw, null if it completed
     * @param serverFailure what the server threw, null if it completed
     * @param client        what the client saw, one entry per completed handshake
     * @param server        what the server saw, one entry per completed handshake
     */
    public static Outcome of(Throwable clientFailure, Throwable serverFailure, List<Negotiated> client,
            List<Negotiated> server) {
        return new Outcome(clientFailure, serverFailure, client, server, null);
    }

    /**
     * When both sides completed: this outcome, noting the property {@code check} reports as not held
     * (null when it held). When a side failed, the check is not made (what it would read is missing).
     */
    public Outcome check(Supplier<String> check) {
        if (clientFailure != null || serverFailure != null) {
            return this;
        }
        String property = check.get();
        return property == null ? this : new Outcome(clientFailure, serverFailure, client, server, property);
    }

    /** Both sides completed, and every property the scenario checks held. */
    public boolean succeeded() {
        return clientFailure == null && serverFailure == null && unmet == null;
    }

    /** The failure of {@code side}, null if it completed. */
    public Throwable failure(Side side) {
        return side == Side.CLIENT ? clientFailure : serverFailure;
    }

    public List<Negotiated> client() {
        return client;
    }

    public List<Negotiated> server() {
        return server;
    }

    /** The property that did not hold, null when all did. */
    public String unmetProperty() {
        return unmet;
    }

    /** One line: {@code handshake OK (TLSv1.3 ...)} or {@code failed: client SSLHandshakeException: ...}. */
    public String describe() {
        if (clientFailure == null && serverFailure == null) {
            String seen = client.isEmpty() ? (server.isEmpty() ? "" : " (" + server.get(server.size() - 1) + ")")
                    : " (" + client.get(client.size() - 1) + ")";
            return "handshake OK" + seen + (unmet == null ? "" : ", but " + unmet);
        }
        StringBuilder out = new StringBuilder("failed:");
        if (clientFailure != null) {
            out.append(" client ").append(summary(clientFailure));
        }
        if (serverFailure != null) {
            out.append(clientFailure == null ? " server " : "; server ").append(summary(serverFailure));
        }
        return out.toString();
    }

    /** {@code ClassName: message}, on one line and cut short. */
    public static String summary(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage().replaceAll("\\s+", " ");
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        return failure.getClass().getSimpleName() + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
