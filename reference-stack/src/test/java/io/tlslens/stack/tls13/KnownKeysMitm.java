package io.tlslens.stack.tls13;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.KeyLog;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.crypto.BcTlsCrypto;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeReassembler;
import io.tlslens.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A man in the middle that knows the handshake traffic secrets (from one side's key log), so a
 * test can open a protected flight, rewrite its handshake messages — truncate, corrupt, reorder —
 * and protect it again, as a peer that misbehaves would have sent it.
 */
public final class KnownKeysMitm {
    private final Map<String, byte[]> secrets = new HashMap<>();
    private final Tls13CipherSuite suite;

    public KnownKeysMitm(int cipherSuite) {
        this.suite = Tls13CipherSuite.byCode(cipherSuite).orElseThrow();
    }

    /** The key log to give the side whose secrets the middle learns. */
    public KeyLog keyLog() {
        return (label, clientRandom, secret) -> secrets.put(label, secret);
    }

    /**
     * The handshake messages (each with its header) of the protected records in {@code flight},
     * opened with the keys of the NSS {@code label}, e.g. SERVER_HANDSHAKE_TRAFFIC_SECRET.
     */
    public List<byte[]> open(List<byte[]> flight, String label) throws DecodeException, TlsAlertException {
        RecordProtection protection = RecordProtection.of(secret(label));
        HandshakeReassembler reassembler = new HandshakeReassembler();
        List<byte[]> messages = new ArrayList<>();
        for (byte[] record : flight) {
            TlsRecord decoded = TlsRecord.decode(record);
            if (decoded.contentType() == ContentType.application_data) {
                for (HandshakeFrame frame : reassembler.add(protection.open(decoded).content())) {
                    messages.add(frame.encode());
                }
            }
        }
        return messages;
    }

    /** {@code flight} with its protected records replaced by one record holding {@code messages}. */
    public List<byte[]> reseal(List<byte[]> flight, List<byte[]> messages, String label) throws DecodeException {
        List<byte[]> out = new ArrayList<>();
        for (byte[] record : flight) {
            if (TlsRecord.decode(record).contentType() != ContentType.application_data) {
                out.add(record);
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        messages.forEach(m -> content.write(m, 0, m.length));
        out.add(RecordProtection.of(secret(label)).seal(ContentType.handshake, content.toByteArray(), 0));
        return out;
    }

    /** One record of {@code contentType} protected with the keys of {@code label}, as the first of its epoch. */
    public byte[] seal(int contentType, byte[] content, String label) {
        return RecordProtection.of(secret(label)).seal(contentType, content, 0);
    }

    private TrafficSecret secret(String label) {
        byte[] secret = secrets.get(label);
        if (secret == null) {
            throw new IllegalStateException(label + " not logged");
        }
        KeySchedule schedule = new KeySchedule(new BcTlsCrypto(), suite, new byte[32], KeyLog.NONE, HandshakeObserver.NONE);
        return new TrafficSecret(schedule, label, secret, TrafficSecret.Updates.NONE, 0);
    }
}
