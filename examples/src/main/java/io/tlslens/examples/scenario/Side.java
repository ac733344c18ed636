package io.tlslens.examples.scenario;

import java.util.Locale;

/** A peer of a handshake. */
public enum Side {
    CLIENT, SERVER;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
