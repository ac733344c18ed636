package io.tlslens.stack;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.tls12.Tls12ClientOffer;
import io.tlslens.stack.tls12.Tls12Connection;
import io.tlslens.stack.tls13.Tls13Connection;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.SupportedVersionsExtension;

/**
 * A client enabling TLS 1.3 and 1.2: the TLS 1.3 client sends one ClientHello for both (with the
 * TLS 1.2 offer in it); a ServerHello without supported_versions is a TLS 1.2 (or older) server's,
 * and the TLS 1.2 client takes over from that ClientHello, checking the version and the downgrade
 * sentinel. Every other answer (TLS 1.3, HelloRetryRequest, alerts) stays with TLS 1.3.
 */
final class ClientVersionRouter extends VersionRouter {
    private final TlsConfig config;
    private final HandshakeObserver observer;
    private final Tls12ClientOffer offer;

    private ClientVersionRouter(TlsConfig config, HandshakeObserver observer, Tls12ClientOffer offer) {
        super(new Tls13Connection(config, observer, offer));
        this.config = config;
        this.observer = observer;
        this.offer = offer;
    }

    ClientVersionRouter(TlsConfig config, HandshakeObserver observer) {
        this(config, observer, Tls12ClientOffer.of(config).orElseThrow());
    }

    @Override
    TlsConnection choose(HandshakeFrame first, TlsConnection standIn) {
        if (first.type() != HandshakeType.server_hello) {
            return standIn;
        }
        try {
            if (ServerHello.decode(first.body()).extension(SupportedVersionsExtension.class).isPresent()) {
                return standIn;
            }
        } catch (DecodeException e) {
            return standIn;
        }
        return Tls12Connection.continuing(config, observer, offer);
    }
}
