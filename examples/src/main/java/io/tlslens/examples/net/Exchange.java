package io.tlslens.examples.net;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One line of application data each way after the handshake, the server's first. The order matters for
 * TLS 1.3, where the client's handshake completes before the server has checked the client's certificate:
 * a client whose first act is to read gets the server's alert (or its NewSessionTicket) every time, while
 * a client that writes first may instead hit the connection the failed server already reset.
 */
public final class Exchange {
    public static final String GREETING = "hello";
    public static final String REQUEST = "ping";
    private static final int MAX_LINE = 1024;

    /** What a side does with an established connection. */
    public interface Conversation {
        void run(Socket socket) throws IOException;
    }

    private Exchange() {
    }

    /** Sends {@value #GREETING}, then reads the client's line. */
    public static void asServer(Socket socket) throws IOException {
        writeLine(socket.getOutputStream(), GREETING);
        readLine(socket.getInputStream());
    }

    /** Reads the server's greeting, then sends {@value #REQUEST}. */
    public static void asClient(Socket socket) throws IOException {
        readLine(socket.getInputStream());
        writeLine(socket.getOutputStream(), REQUEST);
    }

    /** For a server that waits to be spoken to ({@code openssl s_server -rev}): sends a line, reads the answer. */
    public static void asClientSpeakingFirst(Socket socket) throws IOException {
        writeLine(socket.getOutputStream(), REQUEST);
        readLine(socket.getInputStream());
    }

    public static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A line without its terminator; reads byte by byte so nothing past the line is consumed. */
    public static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the peer closed the connection before sending a line");
            }
            if (line.size() == MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }
}
