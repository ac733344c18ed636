package io.tlslens.stack.handshake;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.CertifiedKey;
import io.tlslens.stack.Credentials;
import io.tlslens.stack.HandshakeView;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * The application's {@link Credentials}, timed for the observer: a key manager that reaches out to
 * a vault or an HSM shows up as its own share of the handshake, as the trust decision does in
 * {@link PeerChain}.
 */
public final class TimedCredentials implements Credentials {
    private final Credentials delegate;
    private final HandshakeObserver observer;

    public TimedCredentials(Credentials delegate, HandshakeObserver observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    @Override
    public Optional<CertifiedKey> serverCredential(List<Integer> peerSignatureSchemes, List<X500Principal> authorities,
            HandshakeView handshake) {
        long start = System.nanoTime();
        try {
            return delegate.serverCredential(peerSignatureSchemes, authorities, handshake);
        } finally {
            observer.localCredentialsChosen(System.nanoTime() - start);
        }
    }

    @Override
    public Optional<CertifiedKey> clientCredential(List<Integer> peerSignatureSchemes, List<X500Principal> authorities,
            HandshakeView handshake) {
        long start = System.nanoTime();
        try {
            return delegate.clientCredential(peerSignatureSchemes, authorities, handshake);
        } finally {
            observer.localCredentialsChosen(System.nanoTime() - start);
        }
    }
}
