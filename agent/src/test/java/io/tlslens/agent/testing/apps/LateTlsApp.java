package io.tlslens.agent.testing.apps;

/**
 * An application that starts without TLS and takes it up later: it prints {@code idle}, sleeps
 * {@code args[0]} milliseconds, then makes one TLS handshake over loopback with
 * {@link HandshakeLoopApp}, which is loaded only then, and exits. Without {@code args}, it prints
 * {@code idle} and exits without ever using TLS.
 */
public final class LateTlsApp {

    private LateTlsApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("idle");
        if (args.length > 0) {
            Thread.sleep(Long.parseLong(args[0]));
            HandshakeLoopApp.main(new String[] {"1"});
        }
    }
}
