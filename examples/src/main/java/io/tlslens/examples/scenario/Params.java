package io.tlslens.examples.scenario;

import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Read-modify-write of SSLParameters: setting them replaces all of them, so start from the current ones. */
public final class Params {
    private Params() {
    }

    public static void edit(SSLSocket socket, Consumer<SSLParameters> change) {
        SSLParameters parameters = socket.getSSLParameters();
        change.accept(parameters);
        socket.setSSLParameters(parameters);
    }

    public static void edit(SSLEngine engine, Consumer<SSLParameters> change) {
        SSLParameters parameters = engine.getSSLParameters();
        change.accept(parameters);
        engine.setSSLParameters(parameters);
    }

    /** Only {@code protocols} (e.g. {@code "TLSv1.3"}) enabled. */
    public static Consumer<SSLParameters> protocols(String... protocols) {
        return parameters -> parameters.setProtocols(protocols);
    }
}
