package io.tlslens.agent.testing.apps;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Starts a client handshake on an SSLEngine, produces its ClientHello, and then never drives it
 * again, holding the engine for {@code args[0]} seconds: an application that abandoned a handshake.
 */
public final class AbandonedHandshakeApp {

    private AbandonedHandshakeApp() {
    }

    public static void main(String[] args) throws Exception {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine("abandoned.example", 443);
        engine.setUseClientMode(true);
        engine.beginHandshake();
        ByteBuffer network = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), network);
        System.out.println("ClientHello produced: " + network.position() + " bytes; abandoning");
        Thread.sleep(Long.parseLong(args[0]) * 1000);
        System.out.println("still holding " + engine.getPeerHost());
    }
}
