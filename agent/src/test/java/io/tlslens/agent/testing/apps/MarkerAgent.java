package io.tlslens.agent.testing.apps;

/**
 * A stand-in -javaagent for ChildJvm's self-test, which runs before the real agent jar is built: proves the
 * {@code -javaagent:jar=args} plumbing by printing its arguments before main runs.
 */
public final class MarkerAgent {
    public static void premain(String args) {
        System.out.println("marker-agent:" + args);
    }
}
