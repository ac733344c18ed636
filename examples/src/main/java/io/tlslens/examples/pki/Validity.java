package io.tlslens.examples.pki;

import java.time.Duration;
import java.time.Instant;

/** A certificate's notBefore..notAfter window, relative to the moment the PKI is made. */
public final class Validity {
    // Back-dated by an hour so a peer whose clock is a little behind still accepts a fresh certificate.
    private static final Duration SKEW = Duration.ofHours(1);

    private final Instant notBefore;
    private final Instant notAfter;

    private Validity(Instant notBefore, Instant notAfter) {
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    public static Validity of(Instant notBefore, Instant notAfter) {
        return new Validity(notBefore, notAfter);
    }

    /** Valid now and for {@code lifetime}. */
    public static Validity current(Instant now, Duration lifetime) {
        return new Validity(now.minus(SKEW), now.plus(lifetime));
    }

    /** Lapsed a day ago after a month of life. */
    public static Validity expired(Instant now) {
        return new Validity(now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)));
    }

    /** Starts tomorrow. */
    public static Validity notYetValid(Instant now) {
        return new Validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(31)));
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }
}
