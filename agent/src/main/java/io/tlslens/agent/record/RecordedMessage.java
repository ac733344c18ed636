package io.tlslens.agent.record;

import io.tlslens.wire.Alert;
import io.tlslens.wire.HandshakeMessage;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.ServerHello;

/**
 * One handshake message, alert or ChangeCipherSpec as it crossed the wire, with its decoded
 * value. A message that could not be decoded keeps the reason instead, so that a malformed
 * message still shows on the ladder.
 */
public final class RecordedMessage {

    public static final int CHANGE_CIPHER_SPEC = 20;
    public static final int ALERT = 21;
    public static final int HANDSHAKE = 22;

    private final Direction direction;
    private final long nanoTime;
    private final int contentType;
    private final int handshakeType;
    private final int length;
    private final Object decoded;
    private final String decodeError;

    /** A handshake message a stack handed over decoded (the reference stack); its length is that of its encoding. */
    public static RecordedMessage handshake(Direction direction, long nanoTime, HandshakeMessage message) {
        return new RecordedMessage(direction, nanoTime, HANDSHAKE, message.type(), message.encode().length, message,
                null);
    }

    public static RecordedMessage alert(Direction direction, long nanoTime, Alert alert) {
        return new RecordedMessage(direction, nanoTime, ALERT, -1, 2, alert, null);
    }

    public static RecordedMessage changeCipherSpec(Direction direction, long nanoTime) {
        return new RecordedMessage(direction, nanoTime, CHANGE_CIPHER_SPEC, -1, 1, null, null);
    }

    RecordedMessage(Direction direction, long nanoTime, int contentType, int handshakeType, int length,
                    Object decoded, String decodeError) {
        this.direction = direction;
        this.nanoTime = nanoTime;
        this.contentType = contentType;
        this.handshakeType = handshakeType;
        this.length = length;
        this.decoded = decoded;
        this.decodeError = decodeError;
    }

    public Direction direction() {
        return direction;
    }

    public long nanoTime() {
        return nanoTime;
    }

    public int contentType() {
        return contentType;
    }

    /** The handshake type code, or -1 for alerts and ChangeCipherSpec. */
    public int handshakeType() {
        return handshakeType;
    }

    /** Bytes on the wire: the handshake message with its 4-byte header, or the alert/CCS body. */
    public int length() {
        return length;
    }

    /**
     * The decoded {@link HandshakeMessage} or {@link Alert}; {@code null} for ChangeCipherSpec (its
     * one byte says nothing) and when decoding failed.
     */
    public Object decoded() {
        return decoded;
    }

    public String decodeError() {
        return decodeError;
    }

    public boolean isHandshake() {
        return contentType == HANDSHAKE;
    }

    public boolean isAlert() {
        return contentType == ALERT;
    }

    public <T> T as(Class<T> type) {
        return type.isInstance(decoded) ? type.cast(decoded) : null;
    }

    /** The name RFC 8446/5246 give the message: the span event's name. */
    public String name() {
        if (contentType == ALERT) {
            return "Alert";
        }
        if (contentType == CHANGE_CIPHER_SPEC) {
            return "ChangeCipherSpec";
        }
        if (decoded instanceof ServerHello && ((ServerHello) decoded).isHelloRetryRequest()) {
            return "HelloRetryRequest";
        }
        return HandshakeType.messageName(handshakeType);
    }

    @Override
    public String toString() {
        return direction + " " + name() + " (" + length + " bytes)";
    }
}
