package io.tlslens.examples.scenario;

import java.util.Optional;

/**
 * What a scenario is meant to do: complete, or fail for a stated cause. A failure names the
 * {@code error.type} a TLSLens diagnosis should give, the side that detects the problem (and sends the
 * alert), and the exception JSSE throws there. It holds on both stacks, SunJSSE and the reference
 * stack, unless the scenario declares itself {@link #jsseOnly}.
 */
public final class Expectation {
    private final ErrorType errorType;
    private final Side detectedBy;
    private final Class<? extends Throwable> exception;
    /** Why the scenario cannot run on the reference stack; null when it can. */
    private final String jsseOnly;

    private Expectation(ErrorType errorType, Side detectedBy, Class<? extends Throwable> exception, String jsseOnly) {
        this.errorType = errorType;
        this.detectedBy = detectedBy;
        this.exception = exception;
        this.jsseOnly = jsseOnly;
    }

    public static Expectation success() {
        return new Expectation(null, null, null, null);
    }

    public static Expectation failure(ErrorType errorType, Side detectedBy, Class<? extends Throwable> exception) {
        return new Expectation(errorType, detectedBy, exception, null);
    }

    /** This expectation on SunJSSE; on the reference stack the scenario does not run, for {@code reason}. */
    public Expectation jsseOnly(String reason) {
        return new Expectation(errorType, detectedBy, exception, reason);
    }

    /** Whether the scenario runs on {@code stack} (if not, {@link #whyNotOn} says why). */
    public boolean appliesTo(Stack stack) {
        return whyNotOn(stack).isEmpty();
    }

    /** Why the scenario does not apply to {@code stack}; empty when it does. */
    public Optional<String> whyNotOn(Stack stack) {
        return stack == Stack.REFERENCE ? Optional.ofNullable(jsseOnly) : Optional.empty();
    }

    public boolean expectsSuccess() {
        return errorType == null;
    }

    /** The {@code error.type} a failure should be diagnosed as; null for a success. */
    public ErrorType errorType() {
        return errorType;
    }

    /** The side that detects the failure; null for a success. */
    public Side detectedBy() {
        return detectedBy;
    }

    /** The exception (or a subclass) the detecting side throws; null for a success. */
    public Class<? extends Throwable> exception() {
        return exception;
    }

    public boolean isMetBy(Outcome outcome) {
        if (expectsSuccess()) {
            return outcome.succeeded();
        }
        return exception.isInstance(outcome.failure(detectedBy));
    }

    @Override
    public String toString() {
        return expectsSuccess() ? "handshake OK"
                : "fails: " + errorType + " (" + detectedBy + " " + exception.getSimpleName() + ")";
    }
}
