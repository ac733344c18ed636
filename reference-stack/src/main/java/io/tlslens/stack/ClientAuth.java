package io.tlslens.stack;

/** Whether a server asks for a client certificate (JSSE's needClientAuth / wantClientAuth). */
public enum ClientAuth {
    NONE, WANT, NEED
}
