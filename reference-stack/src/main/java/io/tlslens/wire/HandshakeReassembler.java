package io.tlslens.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts the handshake byte stream of one direction into messages (RFC 8446 §5.1, RFC 5246 §6.2.1):
 * a message may span records and a record may hold several messages. Feed it the fragments of
 * consecutive handshake records, or handshake plaintext in any slicing.
 *
 * <p>Memory is bounded: a message whose header announces more than the maximum is rejected before
 * its body is buffered, and the buffer only grows as bytes arrive. The default maximum, 64 KiB, is
 * twice SunJSSE's default jdk.tls.maxHandshakeMessageSize (32768), so that everything SunJSSE
 * accepts is decoded, and below OpenSSL's 100 KiB certificate list limit, which only very large
 * chains approach; pass a larger maximum to talk to those. After a DecodeException the stream is
 * out of step and the reassembler must be discarded.
 */
public final class HandshakeReassembler {
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 64 * 1024;

    private static final int HEADER_LENGTH = 4;

    private final int maxMessageLength;
    private final byte[] header = new byte[HEADER_LENGTH];
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int headerFill;
    private int bodyLength;
    /** Stream offset of the current message's header, for error offsets. */
    private long messageStart;

    public HandshakeReassembler() {
        this(DEFAULT_MAX_MESSAGE_LENGTH);
    }

    /** @param maxMessageLength the largest body accepted, in bytes */
    public HandshakeReassembler(int maxMessageLength) {
        if (maxMessageLength < 0 || maxMessageLength > HandshakeMessage.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("maxMessageLength " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    public List<HandshakeFrame> add(byte[] data) throws DecodeException {
        return add(data, 0, data.length);
    }

    /**
     * Adds the next bytes of the stream and returns the messages they complete, in order. The
     * offset of a DecodeException counts from the start of the stream.
     */
    public List<HandshakeFrame> add(byte[] data, int offset, int length) throws DecodeException {
        Objects.checkFromIndexSize(offset, length, data.length);
        List<HandshakeFrame> complete = new ArrayList<>();
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            if (headerFill < HEADER_LENGTH) {
                int n = Math.min(HEADER_LENGTH - headerFill, end - pos);
                System.arraycopy(data, pos, header, headerFill, n);
                headerFill += n;
                pos += n;
                if (headerFill == HEADER_LENGTH) {
                    startBody();
                }
            } else {
                int n = Math.min(bodyLength - body.size(), end - pos);
                body.write(data, pos, n);
                pos += n;
            }
            if (headerFill == HEADER_LENGTH && body.size() == bodyLength) {
                complete.add(new HandshakeFrame(header[0] & 0xff, body.toByteArray()));
                messageStart += HEADER_LENGTH + bodyLength;
                headerFill = 0;
                body.reset();
            }
        }
        return complete;
    }

    /**
     * True when no partial message is buffered. TLS forbids a message to span a key change
     * (RFC 8446 §5.1), so a stack checks this when it installs new keys.
     */
    public boolean isEmpty() {
        return headerFill == 0;
    }

    private void startBody() throws DecodeException {
        bodyLength = (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | header[3] & 0xff;
        if (bodyLength > maxMessageLength) {
            throw new DecodeException(HandshakeType.messageName(header[0] & 0xff) + " length " + bodyLength
                    + " exceeds the maximum of " + maxMessageLength, (int) Math.min(Integer.MAX_VALUE, messageStart + 1));
        }
    }
}
