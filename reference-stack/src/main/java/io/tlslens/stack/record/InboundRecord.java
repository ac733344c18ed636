package io.tlslens.stack.record;

/**
 * One record as the handshake and application see it: its (inner) content type and content, with
 * protection removed. A skipped record (rejected early data) has neither.
 */
public final class InboundRecord {
    private final int contentType;
    private final byte[] content;
    private final int wireLength;

    InboundRecord(int contentType, byte[] content, int wireLength) {
        this.contentType = contentType;
        this.content = content;
        this.wireLength = wireLength;
    }

    static InboundRecord skipped(int wireLength) {
        return new InboundRecord(-1, new byte[0], wireLength);
    }

    /** A record dropped unread: early data the server rejected (RFC 8446 §4.2.10). */
    public boolean isSkipped() {
        return contentType < 0;
    }

    /** The ContentType code. */
    public int contentType() {
        return contentType;
    }

    public byte[] content() {
        return content.clone();
    }

    /** The record's size on the wire, header included. */
    public int wireLength() {
        return wireLength;
    }
}
