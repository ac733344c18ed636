package io.tlslens.stack;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** A certificate chain (leaf first) and the leaf's private key: what one side authenticates with. */
public final class CertifiedKey {
    private final List<X509Certificate> chain;
    private final PrivateKey key;

    public CertifiedKey(List<X509Certificate> chain, PrivateKey key) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        this.chain = List.copyOf(chain);
        this.key = Objects.requireNonNull(key, "key");
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public PrivateKey key() {
        return key;
    }
}
