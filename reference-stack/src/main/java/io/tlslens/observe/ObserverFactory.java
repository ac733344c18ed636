package io.tlslens.observe;

/**
 * Opens an observer per connection. The agent installs one with {@link Observation#install}; a
 * reference-stack connection asks for its observer when it is created.
 */
@FunctionalInterface
public interface ObserverFactory {

    /**
     * @param client whether this side is the TLS client
     * @param peerHost the peer's host as the application named it, or null when unknown
     * @param peerPort the peer's port, or -1 when unknown
     */
    HandshakeObserver open(boolean client, String peerHost, int peerPort);
}
