package io.tlslens.stack.record;

import java.nio.ByteBuffer;

/**
 * One record as the handshake and application see it: its (inner) content type and content, with
 * protection removed.
 */
public final class InboundRecord {
    /** A record dropped unread: early data the server rejected (RFC 8446 §4.2.10). */
    static final InboundRecord SKIPPED = new InboundRecord(-1, ByteBuffer.allocate(0));

    private final int contentType;
    /** Read-only: the record owns the bytes, which nothing else writes to. */
    private final ByteBuffer content;

    /** A record of {@code contentType} whose content is the remaining bytes of {@code content}, which nothing may change afterwards. */
    public InboundRecord(int contentType, ByteBuffer content) {
        this.contentType = contentType;
        this.content = content.asReadOnlyBuffer();
    }

    public boolean isSkipped() {
        return this == SKIPPED;
    }

    /** The ContentType code. */
    public int contentType() {
        return contentType;
    }

    public int contentLength() {
        return content.remaining();
    }

    /** A copy of the content, for the handshake and alert protocols to decode. */
    public byte[] content() {
        byte[] copy = new byte[content.remaining()];
        content.duplicate().get(copy);
        return copy;
    }

    /** The content without a copy (a read-only view): how application data is handed on. */
    public ByteBuffer contentBuffer() {
        return content.duplicate();
    }
}
