package io.tlslens.agent.reference;

import io.tlslens.agent.AgentLog;
import io.tlslens.stack.KeyLog;
import io.tlslens.stack.jsse.TlsLensProvider;
import java.security.NoSuchAlgorithmException;
import java.security.Security;
import javax.net.ssl.SSLContext;

/**
 * {@code stack=reference}: the reference stack's JSSE provider goes first in the JVM's provider
 * list and its default context becomes the default, so that {@code SSLContext.getDefault()},
 * {@code SSLContext.getInstance("TLS")}, {@code HttpsURLConnection} and
 * {@code java.net.http.HttpClient} all run on it. Code that names a provider
 * ({@code SSLContext.getInstance("TLS", "SunJSSE")}) keeps that provider.
 */
public final class StackSwap {

    private StackSwap() {
    }

    /**
     * Swaps the stack in. {@code afterStart} is true when TLSLens is attached to a running JVM,
     * whose default context (and whatever the application built from it) is usually cached already.
     */
    public static void install(boolean afterStart) throws NoSuchAlgorithmException {
        TlsLensProvider provider = new TlsLensProvider();
        SSLContext reference = SSLContext.getInstance("Default", provider);
        Security.insertProviderAt(provider, 1);
        SSLContext.setDefault(reference);
        if (afterStart) {
            AgentLog.warn("stack=reference: new SSLContexts use the TLSLens reference stack; the ones the application "
                    + "created before TLSLens was attached (and the HTTP clients built on them) keep SunJSSE");
        } else {
            AgentLog.info("stack=reference: SSLContexts use the TLSLens reference stack, except where the "
                    + "application names a provider (SSLContext.getInstance(\"TLS\", \"SunJSSE\"))");
        }
    }

    /** Hands the reference stack's secrets to {@code keyLog}, or stops with {@link KeyLog#NONE}. */
    public static void keyLog(KeyLog keyLog) {
        TlsLensProvider.keyLog(keyLog);
    }

    /**
     * Detach: new SSLContexts come from SunJSSE again, and the default is SunJSSE's. Contexts made
     * while the swap was in place keep the reference stack.
     */
    public static void uninstall() throws NoSuchAlgorithmException {
        Security.removeProvider(TlsLensProvider.NAME);
        SSLContext.setDefault(SSLContext.getInstance("Default"));
    }
}
