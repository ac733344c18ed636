package io.tlslens.wire;

/** An alert record's content (RFC 8446 §6, RFC 5246 §7.2): level and description. */
public final class Alert {
    private final int level;
    private final int description;

    public Alert(int level, int description) {
        this.level = level;
        this.description = description;
    }

    /** Decodes an alert record's fragment (after decryption under TLS 1.3). */
    public static Alert decode(byte[] fragment) throws DecodeException {
        WireReader r = new WireReader(fragment);
        Alert alert = new Alert(r.u8("level"), r.u8("description"));
        r.expectEnd();
        return alert;
    }

    /** An AlertLevel code. */
    public int level() {
        return level;
    }

    /** An AlertDescription code. */
    public int description() {
        return description;
    }

    public byte[] encode() {
        return new WireWriter().u8(level).u8(description).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alert && ((Alert) o).level == level && ((Alert) o).description == description;
    }

    @Override
    public int hashCode() {
        return level * 256 + description;
    }

    @Override
    public String toString() {
        return "Alert{" + AlertLevel.name(level) + ", " + AlertDescription.name(description) + "}";
    }
}
