package io.tlslens.agent.record;

/** The side of the handshake this JVM plays. */
public enum Role {
    CLIENT, SERVER;

    public String attributeValue() {
        return this == CLIENT ? "client" : "server";
    }

    public Role peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
