package io.tlslens.examples.scenario;

import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * The TLS stack the gallery's SSLContexts run on: the JDK's SunJSSE, or TLSLens's reference stack, which
 * the agent swaps in with {@code stack=reference} (its JSSE provider is then the JVM's first).
 */
public enum Stack {
    JSSE, REFERENCE;

    /** The provider name of the reference stack's JSSE provider. */
    private static final String REFERENCE_PROVIDER = "TLSLens";

    /** The stack {@code SSLContext.getInstance("TLS")} gives in this JVM. */
    public static Stack current() {
        try {
            return SSLContext.getInstance("TLS").getProvider().getName().equals(REFERENCE_PROVIDER) ? REFERENCE : JSSE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }

    /** The {@code tlslens.stack} attribute value and the agent's {@code stack} option: {@code jsse}, {@code reference}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
