package io.tlslens.examples.scenario;

/**
 * What a scenario is meant to do: complete, or fail for a stated cause. A failure names the
 * {@code error.type} a TLSLens diagnosis should give, the side that detects the problem (and sends the
 * alert), and the exception JSSE throws there.
 */
public final class Expectation {
    private final ErrorType errorType;
    private final Side detectedBy;
    private final Class<? extends Throwable> exception;

    private Expectation(ErrorType errorType, Side detectedBy, Class<? extends Throwable> exception) {
        this.errorType = errorType;
        this.detectedBy = detectedBy;
        this.exception = exception;
    }

    public static Expectation success() {
        return new Expectation(null, null, null);
    }

    public static Expectation failure(ErrorType errorType, Side detectedBy, Class<? extends Throwable> exception) {
        return new Expectation(errorType, detectedBy, exception);
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
