package io.tlslens.stack.record;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Application data received and not yet read, in order, as both versions' connections keep it:
 * the application may read it in pieces of any size, across record boundaries. Records' contents
 * are kept as they were decrypted, and copied once, into the application's buffer.
 */
public final class ReceivedPlaintext {
    /** Each chunk's remaining bytes are unread. */
    private final Deque<ByteBuffer> chunks = new ArrayDeque<>();
    private int bytes;
    /** Where records are opened into while all they held has been read: nothing else refers to it then. */
    private byte[] spare = new byte[0];

    /**
     * An array of at least {@code length} bytes to open the next record into: the same one record
     * after record while the application keeps up (allocating and clearing 16 KiB per record costs
     * as much as a copy), a new one while unread data may still be in it.
     */
    public byte[] openingBuffer(int length) {
        if (bytes > 0) {
            return new byte[length];
        }
        if (spare.length < length) {
            spare = new byte[length];
        }
        return spare;
    }

    /** Keeps the remaining bytes of {@code data}, which nothing may change until they are read. */
    public void add(ByteBuffer data) {
        chunks.addLast(data);
        bytes += data.remaining();
    }

    public int available() {
        return bytes;
    }

    /** Moves as much as fits into {@code dst}; returns how many bytes. */
    public int read(ByteBuffer dst) {
        int moved = 0;
        while (!chunks.isEmpty() && dst.hasRemaining()) {
            ByteBuffer head = chunks.peekFirst();
            int n = Math.min(head.remaining(), dst.remaining());
            ByteBuffer part = head.duplicate();
            part.limit(part.position() + n);
            dst.put(part);
            head.position(head.position() + n);
            if (!head.hasRemaining()) {
                chunks.pollFirst();
            }
            moved += n;
        }
        bytes -= moved;
        return moved;
    }
}
