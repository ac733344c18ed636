package io.tlslens.stack.jsse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads whole TLS records from a blocking stream. Bytes read before a timeout stay buffered, so
 * the next call carries on where the interrupted one stopped.
 */
final class RecordReader {
    private static final int HEADER_LENGTH = 5;

    private final InputStream in;
    /** Read mode: position at the next unprocessed byte. */
    private final ByteBuffer buffer = ByteBuffer.allocate(TlsLensSession.PACKET_BUFFER_SIZE);

    RecordReader(InputStream in) {
        this.in = in;
        buffer.flip();
    }

    /**
     * A buffer holding at least one whole record at its position (records longer than any legal
     * one are handed over with what fits, for the core to refuse); null at end of stream between
     * records.
     */
    ByteBuffer next() throws IOException {
        if (!fill(HEADER_LENGTH)) {
            return null;
        }
        int length = HEADER_LENGTH + (buffer.getShort(buffer.position() + 3) & 0xffff);
        if (!fill(Math.min(length, buffer.capacity()))) {
            throw new EOFException("The peer closed the connection in the middle of a record");
        }
        return buffer;
    }

    /** Reads until {@code count} bytes are buffered; false at end of stream before any byte of them. */
    private boolean fill(int count) throws IOException {
        if (buffer.remaining() >= count) {
            return true;
        }
        buffer.compact();
        try {
            while (buffer.position() < count) {
                int n = in.read(buffer.array(), buffer.position(), buffer.capacity() - buffer.position());
                if (n < 0) {
                    if (buffer.position() == 0) {
                        return false;
                    }
                    throw new EOFException("The peer closed the connection in the middle of a record");
                }
                buffer.position(buffer.position() + n);
            }
        } finally {
            buffer.flip();
        }
        return true;
    }
}
