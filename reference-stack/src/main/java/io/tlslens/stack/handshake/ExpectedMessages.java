package io.tlslens.stack.handshake;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.HandshakeDecoder;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The check every state of both versions' state machines makes on the next handshake message. */
public final class ExpectedMessages {
    private ExpectedMessages() {
    }

    /**
     * unexpected_message unless {@code frame} is one of {@code types}; the observer still hears of
     * the unexpected message, as far as it decodes.
     */
    public static void expect(HandshakeFrame frame, HandshakeDecoder decoder, HandshakeObserver observer, int... types)
            throws TlsAlertException {
        for (int type : types) {
            if (frame.type() == type) {
                return;
            }
        }
        try {
            observer.messageReceived(decoder.decode(frame.type(), frame.body()));
        } catch (DecodeException e) {
            // reported as far as it decodes; the alert is unexpected_message either way
        }
        String expected = types.length == 0 ? "no handshake message"
                : Arrays.stream(types).mapToObj(HandshakeType::messageName).collect(Collectors.joining(" or "));
        throw new TlsAlertException(AlertDescription.unexpected_message,
                HandshakeType.messageName(frame.type()) + " where " + expected + " was expected");
    }
}
