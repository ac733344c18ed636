package io.tlslens.agent.record;

/** Which way a message went, seen from the side this JVM plays. */
public enum Direction {
    SENT, RECEIVED;

    public String attributeValue() {
        return this == SENT ? "sent" : "received";
    }
}
