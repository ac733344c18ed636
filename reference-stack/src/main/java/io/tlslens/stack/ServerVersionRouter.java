package io.tlslens.stack;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.tls12.Tls12Connection;
import io.tlslens.stack.tls13.Tls13Connection;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.ProtocolVersion;

/**
 * A server enabling TLS 1.3 and 1.2: a ClientHello whose supported_versions offers TLS 1.3 goes
 * to the TLS 1.3 server; any other (a TLS 1.2 client, or one offering 1.2 only) to the TLS 1.2
 * server, which negotiates the version and writes the downgrade sentinel (RFC 8446 §4.1.3).
 * Each reports its own version decision. A first message that is no ClientHello, or does not
 * decode, stays with TLS 1.3, which fails on it.
 */
final class ServerVersionRouter extends VersionRouter {
    private final TlsConfig config;
    private final HandshakeObserver observer;

    ServerVersionRouter(TlsConfig config, HandshakeObserver observer) {
        super(new Tls13Connection(config, observer));
        this.config = config;
        this.observer = observer;
    }

    @Override
    TlsConnection choose(HandshakeFrame first, TlsConnection standIn) {
        if (first.type() != HandshakeType.client_hello) {
            return standIn;
        }
        try {
            if (ClientHello.decode(first.body()).supportedVersions().contains(ProtocolVersion.TLSv1_3)) {
                return standIn;
            }
        } catch (DecodeException e) {
            return standIn;
        }
        return new Tls12Connection(config, observer);
    }
}
