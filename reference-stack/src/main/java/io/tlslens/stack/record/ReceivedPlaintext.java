package io.tlslens.stack.record;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Application data received and not yet read, in order, as both versions' connections keep it:
 * the application may read it in pieces of any size, across record boundaries.
 */
public final class ReceivedPlaintext {
    private final Deque<byte[]> chunks = new ArrayDeque<>();
    private int bytes;

    public void add(byte[] data) {
        chunks.addLast(data);
        bytes += data.length;
    }

    public int available() {
        return bytes;
    }

    /** Moves as much as fits into {@code dst}; returns how many bytes. */
    public int read(ByteBuffer dst) {
        int moved = 0;
        while (!chunks.isEmpty() && dst.hasRemaining()) {
            byte[] head = chunks.pollFirst();
            int n = Math.min(head.length, dst.remaining());
            dst.put(head, 0, n);
            if (n < head.length) {
                chunks.addFirst(Arrays.copyOfRange(head, n, head.length));
            }
            moved += n;
        }
        bytes -= moved;
        return moved;
    }
}
