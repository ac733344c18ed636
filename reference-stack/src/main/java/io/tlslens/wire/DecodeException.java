package io.tlslens.wire;

/**
 * The only exception that decoding throws: the input is not a well-formed TLS structure.
 * Checked, so that every caller that handles bytes from the network decides what a malformed peer
 * costs (the agent drops the message's details; the reference stack sends a decode_error alert).
 */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public DecodeException(String problem, int offset) {
        super(problem + " at offset " + offset);
        this.offset = offset;
    }

    /** Byte offset of the problem within the input that was handed to the decode method. */
    public int offset() {
        return offset;
    }
}
