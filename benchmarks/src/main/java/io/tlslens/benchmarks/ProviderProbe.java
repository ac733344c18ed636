package io.tlslens.benchmarks;

import java.security.GeneralSecurityException;

/**
 * Tells run.sh which rows this build can measure: whether the reference stack's provider is there to be named,
 * and which provider an unmodified application gets (TLSLens when the agent's {@code stack=reference} swapped
 * it in, else SunJSSE).
 */
public final class ProviderProbe {
    private ProviderProbe() {
    }

    public static void main(String[] args) throws GeneralSecurityException {
        System.out.println("reference-provider " + (JsseProvider.TLSLens.isAvailable() ? "available" : "missing"));
        System.out.println("default-provider " + JsseProvider.SunJSSE.newContext().getProvider().getName());
    }
}
