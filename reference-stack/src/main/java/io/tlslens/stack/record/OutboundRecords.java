package io.tlslens.stack.record;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whole encoded records waiting for the peer, in order, as both versions' writers queue them: the
 * caller takes only whole records, so a record is never split across two writes to the network.
 */
public final class OutboundRecords {
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private int queuedBytes;

    public void add(byte[] record) {
        queue.addLast(record);
        queuedBytes += record.length;
    }

    public int pendingBytes() {
        return queuedBytes;
    }

    /** The size of the record {@link #take} moves next; 0 when none is queued. */
    public int nextRecordSize() {
        byte[] head = queue.peekFirst();
        return head == null ? 0 : head.length;
    }

    /** Moves as many whole queued records as fit into {@code dst}. */
    public int take(ByteBuffer dst) {
        int moved = 0;
        while (!queue.isEmpty() && queue.peekFirst().length <= dst.remaining()) {
            byte[] record = queue.pollFirst();
            dst.put(record);
            queuedBytes -= record.length;
            moved += record.length;
        }
        return moved;
    }
}
