package io.tlslens.stack.record;

/**
 * One record as the handshake and application see it: its (inner) content type and content, with
 * protection removed.
 */
public final class InboundRecord {
    /** A record dropped unread: early data the server rejected (RFC 8446 §4.2.10). */
    static final InboundRecord SKIPPED = new InboundRecord(-1, new byte[0]);

    private final int contentType;
    private final byte[] content;

    InboundRecord(int contentType, byte[] content) {
        this.contentType = contentType;
        this.content = content;
    }

    public boolean isSkipped() {
        return this == SKIPPED;
    }

    /** The ContentType code. */
    public int contentType() {
        return contentType;
    }

    public byte[] content() {
        return content.clone();
    }
}
