package io.tlslens.stack;

import io.tlslens.wire.ContentType;
import io.tlslens.wire.HandshakeDecoder;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeMessage;
import io.tlslens.wire.HandshakeReassembler;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A middle for TLS 1.2 flights sent in the clear (everything before ChangeCipherSpec): decodes the
 * handshake messages of a list of records, lets a test rewrite them, and puts them back in one record.
 */
final class Tls12Flights {
    private Tls12Flights() {
    }

    /** The handshake messages in {@code records}, decoded as one connection's (the decoder learns from a ServerHello). */
    static List<HandshakeMessage> messages(List<byte[]> records, HandshakeDecoder decoder) throws Exception {
        HandshakeReassembler reassembler = new HandshakeReassembler();
        List<HandshakeMessage> messages = new ArrayList<>();
        for (byte[] record : records) {
            TlsRecord decoded = TlsRecord.decode(record);
            if (decoded.contentType() != ContentType.handshake) {
                throw new AssertionError("not a plaintext handshake record: " + decoded);
            }
            for (HandshakeFrame frame : reassembler.add(decoded.fragment())) {
                messages.add(decoder.decode(frame.type(), frame.body()));
            }
        }
        return messages;
    }

    /** {@code records} with their handshake messages rewritten by {@code change}, in one record. */
    static List<byte[]> rewrite(List<byte[]> records, UnaryOperator<List<HandshakeMessage>> change) throws Exception {
        List<HandshakeMessage> changed = change.apply(new ArrayList<>(messages(records, new HandshakeDecoder())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HandshakeMessage m : changed) {
            out.writeBytes(m.encode());
        }
        return List.of(new TlsRecord(ContentType.handshake, ProtocolVersion.TLSv1_2, out.toByteArray()).encode());
    }

    /** Replaces the first message of {@code type} with what {@code change} makes of it. */
    static <T extends HandshakeMessage> UnaryOperator<List<HandshakeMessage>> replace(Class<T> type, UnaryOperator<T> change) {
        return messages -> {
            for (int i = 0; i < messages.size(); i++) {
                if (type.isInstance(messages.get(i))) {
                    messages.set(i, change.apply(type.cast(messages.get(i))));
                    return messages;
                }
            }
            throw new AssertionError("no " + type.getSimpleName() + " in " + messages);
        };
    }
}
