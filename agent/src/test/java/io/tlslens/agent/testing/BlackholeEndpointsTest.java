package io.tlslens.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BlackholeEndpointsTest {
    @Test
    void theHangingEndpointAcceptsButNeverAnswers() throws IOException {
        try (HangingEndpoint endpoint = BlackholeEndpoints.hanging();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
            socket.getOutputStream().write("POST /v1/traces HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(300);

            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
            endpoint.awaitConnections(1, Duration.ofSeconds(5));
            assertEquals(1, endpoint.acceptedConnections());
        }
    }

    @Test
    void theUnreachableEndpointRefusesConnections() {
        int port = URI.create(BlackholeEndpoints.unreachableEndpoint()).getPort();

        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }
}
