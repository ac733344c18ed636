package io.tlslens.wire;

import java.util.List;
import java.util.Optional;

/**
 * NewSessionTicket: in TLS 1.3 (RFC 8446 §4.6.1) a post-handshake message with lifetime, age_add,
 * nonce, ticket and extensions; in TLS 1.2 (RFC 5077 §3.3) a lifetime hint and the ticket.
 */
public final class NewSessionTicket extends HandshakeMessage {
    private final boolean tls13;
    private final long lifetime;
    private final long ageAdd;
    private final byte[] nonce;
    private final byte[] ticket;
    private final List<Extension> extensions;

    private NewSessionTicket(boolean tls13, long lifetime, long ageAdd, byte[] nonce, byte[] ticket, List<Extension> extensions) {
        this.tls13 = tls13;
        this.lifetime = lifetime;
        this.ageAdd = ageAdd;
        this.nonce = nonce.clone();
        this.ticket = ticket.clone();
        this.extensions = List.copyOf(extensions);
    }

    public static NewSessionTicket tls13(long lifetime, long ageAdd, byte[] nonce, byte[] ticket, List<Extension> extensions) {
        return new NewSessionTicket(true, lifetime, ageAdd, nonce, ticket, extensions);
    }

    /** The RFC 5077 shape. */
    public static NewSessionTicket tls12(long lifetimeHint, byte[] ticket) {
        return new NewSessionTicket(false, lifetimeHint, 0, new byte[0], ticket, List.of());
    }

    /** Decodes a body in the shape of {@code version}, a {@link ProtocolVersion} code. */
    public static NewSessionTicket decode(byte[] body, int version) throws DecodeException {
        return decodeBody(body, r -> decode(r, version));
    }

    static NewSessionTicket decode(WireReader r, int version) throws DecodeException {
        if (!ProtocolVersion.isTls13(version)) {
            return tls12(r.u32("ticket_lifetime_hint"), r.opaque(2, "ticket"));
        }
        long lifetime = r.u32("ticket_lifetime");
        long ageAdd = r.u32("ticket_age_add");
        byte[] nonce = r.opaque(1, "ticket_nonce");
        byte[] ticket = r.opaque(2, "ticket");
        return tls13(lifetime, ageAdd, nonce, ticket, Extensions.decodeList(r, ExtensionContext.NEW_SESSION_TICKET));
    }

    @Override
    public int type() {
        return HandshakeType.new_session_ticket;
    }

    public boolean isTls13() {
        return tls13;
    }

    /** ticket_lifetime (TLS 1.3) or ticket_lifetime_hint (RFC 5077), in seconds; 0 means unspecified in RFC 5077. */
    public long lifetimeSeconds() {
        return lifetime;
    }

    /** TLS 1.3 only. */
    public long ageAdd() {
        return ageAdd;
    }

    /** TLS 1.3 only. */
    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] ticket() {
        return ticket.clone();
    }

    /** TLS 1.3 only. */
    public List<Extension> extensions() {
        return extensions;
    }

    public <T extends Extension> Optional<T> extension(Class<T> type) {
        return Extensions.find(extensions, type);
    }

    @Override
    void writeBody(WireWriter w) {
        w.u32(lifetime);
        if (tls13) {
            w.u32(ageAdd).opaque(1, nonce).opaque(2, ticket);
            Extensions.writeList(w, extensions);
        } else {
            w.opaque(2, ticket);
        }
    }

    @Override
    String describe() {
        return "lifetime=" + lifetime + "s, ticket=" + Bytes.hex(ticket)
                + (tls13 ? ", nonce=" + Bytes.hex(nonce) + ", extensions=" + extensions : "");
    }
}
