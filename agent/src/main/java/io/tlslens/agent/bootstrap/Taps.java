package io.tlslens.agent.bootstrap;

/**
 * The one static the advice reads. {@code null} while TLSLens is not installed (or detached), so
 * an advice costs a volatile read and a null check when nothing listens.
 */
public final class Taps {

    public static volatile JsseTap jsse;

    private Taps() {
    }
}
