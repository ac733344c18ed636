package io.tlslens.examples.scenario.good;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Negotiated;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * Produces no error.type: a plain SSLSocket handshake at one protocol version, with a server certificate
 * of one key type ({@code tls13-socket}, {@code tls12-socket}, {@code tls13-rsa2048}, ...).
 */
public final class BasicHandshakeScenario extends SocketPairScenario {
    private final String protocol;
    private final KeyType keyType;

    public BasicHandshakeScenario(String protocol, KeyType keyType) {
        super(Names.version(protocol) + "-" + (keyType == KeyType.EC_P256 ? "socket" : keyType.label()),
                "SSLSocket client and server, client limited to " + protocol + ", " + keyType.label()
                        + " certificates",
                Expectation.success());
        this.protocol = protocol;
        this.keyType = keyType;
    }

    @Override
    protected KeyType keyType() {
        return keyType;
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, Params.protocols(protocol));
    }

    @Override
    protected String unmet(List<Negotiated> client, List<Negotiated> server) {
        return Checks.protocol(protocol, client.get(0));
    }
}
