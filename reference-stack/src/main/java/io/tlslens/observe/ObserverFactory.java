package io.tlslens.observe;

/**
 * Opens an observer per connection. The agent installs one with {@link Observation#install}; a
 * reference-stack connection asks for its observer when it is created.
 */
@FunctionalInterface
public interface ObserverFactory {

    HandshakeObserver open(ConnectionInfo connection);
}
