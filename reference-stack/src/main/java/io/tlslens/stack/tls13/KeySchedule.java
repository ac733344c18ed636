package io.tlslens.stack.tls13;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.KeyLog;
import io.tlslens.stack.crypto.HashFunction;
import io.tlslens.stack.crypto.Hkdf;
import io.tlslens.stack.crypto.TlsCrypto;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The TLS 1.3 key schedule (RFC 8446 §7.1) of one connection, and its entry point. Each stage is its
 * own type, as in rustls: {@code KeySchedule → EarlySecret → HandshakeSecret → MasterSecret}, so a
 * secret cannot be used at the wrong stage. The schedule is built with whatever it reports to:
 * every traffic, exporter and resumption secret it derives is reported here, once, to the
 * {@link KeyLog} (NSS label, client random and a copy of the secret) and by label only to the
 * {@link HandshakeObserver}.
 *
 * <p>A client that offers a PSK computes binders and early-data keys with a schedule for the
 * ticket's suite, and starts a new schedule for the suite the ServerHello picks.
 */
public final class KeySchedule {
    private static final byte[] LABEL_PREFIX = "tls13 ".getBytes(StandardCharsets.US_ASCII);

    private final TlsCrypto crypto;
    private final Tls13CipherSuite suite;
    private final HashFunction hash;
    private final Hkdf hkdf;
    private final byte[] clientRandom;
    private final KeyLog keyLog;
    private final HandshakeObserver observer;

    /**
     * A schedule for {@code suite}; {@code clientRandom} (the ClientHello's random) names the
     * connection in the key log.
     */
    public KeySchedule(TlsCrypto crypto, Tls13CipherSuite suite, byte[] clientRandom, KeyLog keyLog,
            HandshakeObserver observer) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.hash = suite.hash(crypto);
        this.hkdf = new Hkdf(hash);
        this.clientRandom = clientRandom.clone();
        this.keyLog = Objects.requireNonNull(keyLog, "keyLog");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** {@code Early Secret = HKDF-Extract(0, PSK)}. */
    public EarlySecret withPsk(byte[] psk) {
        return new EarlySecret(this, hkdf.extract(new byte[0], psk));
    }

    /** The early secret of a handshake without PSK: the PSK is HashLen zero bytes. */
    public EarlySecret withoutPsk() {
        return withPsk(new byte[hash.length()]);
    }

    public Tls13CipherSuite cipherSuite() {
        return suite;
    }

    TlsCrypto crypto() {
        return crypto;
    }

    HashFunction hash() {
        return hash;
    }

    Hkdf hkdf() {
        return hkdf;
    }

    /**
     * {@code HKDF-Expand-Label(Secret, Label, Context, Length)}: HKDF-Expand with the info
     * {@code struct HkdfLabel { uint16 length; opaque label<7..255> = "tls13 " + Label; opaque
     * context<0..255>; }}.
     */
    byte[] hkdfExpandLabel(byte[] secret, String label, byte[] context, int length) {
        byte[] fullLabel = concat(LABEL_PREFIX, label.getBytes(StandardCharsets.US_ASCII));
        if (fullLabel.length > 255 || context.length > 255) {
            throw new IllegalArgumentException("HkdfLabel: label of " + fullLabel.length + " bytes, context of "
                    + context.length + " bytes (255 at most)");
        }
        byte[] info = new byte[2 + 1 + fullLabel.length + 1 + context.length];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) fullLabel.length;
        System.arraycopy(fullLabel, 0, info, 3, fullLabel.length);
        info[3 + fullLabel.length] = (byte) context.length;
        System.arraycopy(context, 0, info, 4 + fullLabel.length, context.length);
        return hkdf.expand(secret, info, length);
    }

    /**
     * {@code Derive-Secret(Secret, Label, Messages)}, given {@code Transcript-Hash(Messages)}: the
     * callers hold the transcript, not the messages.
     */
    byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) {
        return hkdfExpandLabel(secret, label, transcriptHash, hash.length());
    }

    /** {@code Transcript-Hash("")}, the context of the "derived" and exporter steps. */
    byte[] emptyHash() {
        return hash.digest(new byte[0]);
    }

    /**
     * Derives a traffic secret and reports it: to the key log under {@code nssLabel}, to the
     * observer by the same label.
     */
    TrafficSecret trafficSecret(byte[] secret, String label, String nssLabel, byte[] transcriptHash,
            TrafficSecret.Updates updates) {
        byte[] derived = deriveSecret(secret, label, transcriptHash);
        report(nssLabel, derived, true);
        return new TrafficSecret(this, nssLabel, derived, updates, 0);
    }

    /**
     * The one place secrets leave the schedule. The key log gets a copy, because it owns what it is
     * given; the observer gets the label only. Neither may break the handshake, so what they throw
     * is dropped.
     */
    void report(String label, byte[] secret, boolean toKeyLog) {
        if (toKeyLog) {
            try {
                keyLog.log(label, clientRandom.clone(), secret.clone());
            } catch (RuntimeException ignored) {
                // a broken key log costs a missing line, never the connection
            }
        }
        try {
            observer.secretDerived(label);
        } catch (RuntimeException ignored) {
            // the same for an observer
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "KeySchedule{" + suite + "}";
    }
}
