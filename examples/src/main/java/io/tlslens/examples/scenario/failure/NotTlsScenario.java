package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.RawServerScenario;
import io.tlslens.examples.scenario.Side;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;

/** Produces error.type {@code not_tls}: the port speaks plain HTTP and answers the ClientHello with a 400. */
public final class NotTlsScenario extends RawServerScenario {
    private static final String BAD_REQUEST =
            "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nConnection: close\r\n\r\n"
                    + "Bad Request\n";

    public NotTlsScenario() {
        super("not-tls", "a plain HTTP server answers the ClientHello with HTTP/1.1 400 Bad Request",
                Expectation.failure(ErrorType.NOT_TLS, Side.CLIENT, SSLException.class));
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        // What an HTTP server does with bytes that are not a request line: reads them and answers 400.
        socket.getInputStream().read(new byte[1024]);
        socket.getOutputStream().write(BAD_REQUEST.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }
}
