package io.tlslens.interop;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** How the two sides of a connection that had to fail failed: each side's exception, null if it did not fail. */
final class Failures {
    private final Throwable client;
    private final Throwable server;

    Failures(Throwable client, Throwable server) {
        this.client = client;
        this.server = server;
    }

    /** Every message in the client's failure, its causes and suppressed exceptions (openssl's output included). */
    String client() {
        return messages(client);
    }

    String server() {
        return messages(server);
    }

    private static String messages(Throwable failure) {
        if (failure == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (seen.add(next)) {
                text.append(next).append('\n');
                if (next.getCause() != null) {
                    pending.push(next.getCause());
                }
                pending.addAll(List.of(next.getSuppressed()));
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "client failure:\n" + client() + "server failure:\n" + server();
    }
}
