package io.tlslens.wire;

/**
 * session_ticket (RFC 5077 §3.2): in ClientHello the ticket to resume with (empty to ask for one);
 * in ServerHello empty, promising a NewSessionTicket. The ticket is the whole extension_data.
 */
public final class SessionTicketExtension extends OpaqueExtension {
    public SessionTicketExtension(byte[] ticket) {
        super(ticket, 0);
    }

    @Override
    public int type() {
        return ExtensionType.session_ticket;
    }

    public byte[] ticket() {
        return value();
    }
}
