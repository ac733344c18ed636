package io.tlslens.agent.testing.apps;

/**
 * For ChildJvm's self-test: echoes what it was started with, one "key:value" line each, writes a line to stderr, and
 * exits with the code given in {@code -Decho.exit}.
 */
public final class EchoApp {
    public static void main(String[] args) {
        for (String arg : args) {
            System.out.println("arg:" + arg);
        }
        System.out.println("property:" + System.getProperty("echo.property"));
        System.out.println("env:" + System.getenv("ECHO_ENV"));
        System.out.println("java.specification.version:" + System.getProperty("java.specification.version"));
        System.err.println("to-stderr");
        System.exit(Integer.getInteger("echo.exit", 0));
    }
}
