package io.tlslens.stack.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * The bytes read from a blocking stream and not yet processed. The core says whether they hold a
 * whole record; bytes read before a timeout stay, so the next call carries on where the
 * interrupted one stopped.
 */
final class RecordReader {
    private final InputStream in;
    /** Read mode: position at the next unprocessed byte. */
    private final ByteBuffer buffer = ByteBuffer.allocate(TlsLensSession.PACKET_BUFFER_SIZE);

    RecordReader(InputStream in) {
        this.in = in;
        buffer.flip();
    }

    /** The unprocessed bytes, for the core to take a record from. */
    ByteBuffer buffered() {
        return buffer;
    }

    /** Reads more bytes; false at end of stream. */
    boolean readMore() throws IOException {
        buffer.compact();
        try {
            if (!buffer.hasRemaining()) {
                // the core refuses any record longer than the buffer before it fills
                throw new IOException("record longer than " + buffer.capacity() + " bytes");
            }
            int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
            if (n < 0) {
                return false;
            }
            buffer.position(buffer.position() + n);
            return true;
        } finally {
            buffer.flip();
        }
    }
}
