package io.tlslens.stack.record;

import java.nio.ByteBuffer;

/**
 * A record as {@link RecordFraming#cut} takes it off the input: the header's fields, and the
 * fragment left where it arrived. Protection is removed from the input's own bytes, so a record is
 * not copied before it is decrypted; the view is valid until the input buffer is next written to,
 * which is why a record is processed before the next one is read.
 */
public final class FramedRecord {
    private final int contentType;
    private final int legacyVersion;
    private final ByteBuffer fragment;

    FramedRecord(int contentType, int legacyVersion, ByteBuffer fragment) {
        this.contentType = contentType;
        this.legacyVersion = legacyVersion;
        this.fragment = fragment;
    }

    public int contentType() {
        return contentType;
    }

    public int legacyVersion() {
        return legacyVersion;
    }

    public int fragmentLength() {
        return fragment.remaining();
    }

    /** The fragment, a fresh view of the input's bytes each call (its position is the caller's to move). */
    public ByteBuffer fragment() {
        return fragment.duplicate();
    }

    /** A copy of the fragment: what a plaintext record's content is kept as. */
    public byte[] fragmentBytes() {
        byte[] copy = new byte[fragment.remaining()];
        fragment.duplicate().get(copy);
        return copy;
    }
}
