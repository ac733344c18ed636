package io.tlslens.agent.diagnosis;

/** Why a handshake failed, in the telemetry contract's terms. */
public final class Diagnosis {

    /**
     * Which side ended the handshake: {@code LOCAL} when this side gave up on what it saw (a bad
     * certificate, bytes that are not TLS, a timeout), {@code PEER} when the peer sent a fatal
     * alert or closed the connection.
     */
    public enum Side {
        LOCAL, PEER;

        public String attributeValue() {
            return this == LOCAL ? "local" : "peer";
        }
    }

    private final String errorType;
    private final Side side;
    private final String alert;
    private final String detail;
    private final String hint;

    public Diagnosis(String errorType, Side side, String alert, String detail, String hint) {
        this.errorType = errorType;
        this.side = side;
        this.alert = alert;
        this.detail = detail;
        this.hint = hint;
    }

    /** One of the {@code error.type} values of the contract. */
    public String errorType() {
        return errorType;
    }

    public Side side() {
        return side;
    }

    /** The IANA name of the fatal alert, or {@code null} when none was sent or received. */
    public String alert() {
        return alert;
    }

    /** A sentence with the evidence. */
    public String detail() {
        return detail;
    }

    /** What to change. */
    public String hint() {
        return hint;
    }
}
