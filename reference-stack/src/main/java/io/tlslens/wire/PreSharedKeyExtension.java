package io.tlslens.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * pre_shared_key (RFC 8446 §4.2.11): in ClientHello the OfferedPsks (identities and their binders,
 * always the last extension); in ServerHello the index of the identity the server selected.
 */
public final class PreSharedKeyExtension extends Extension {
    /** One PskIdentity: a ticket or external identity and its obfuscated_ticket_age. */
    public static final class PskIdentity {
        private final byte[] identity;
        private final long obfuscatedTicketAge;

        public PskIdentity(byte[] identity, long obfuscatedTicketAge) {
            this.identity = identity.clone();
            this.obfuscatedTicketAge = obfuscatedTicketAge;
        }

        public byte[] identity() {
            return identity.clone();
        }

        public long obfuscatedTicketAge() {
            return obfuscatedTicketAge;
        }

        @Override
        public String toString() {
            return Bytes.hex(identity) + " age=" + obfuscatedTicketAge;
        }
    }

    private final List<PskIdentity> identities;
    private final List<byte[]> binders;
    private final int selectedIdentity;

    private PreSharedKeyExtension(List<PskIdentity> identities, List<byte[]> binders, int selectedIdentity) {
        this.identities = List.copyOf(identities);
        this.binders = Bytes.copy(binders);
        this.selectedIdentity = selectedIdentity;
    }

    /** The ClientHello form. */
    public static PreSharedKeyExtension offered(List<PskIdentity> identities, List<byte[]> binders) {
        return new PreSharedKeyExtension(identities, binders, -1);
    }

    /** The ServerHello form. */
    public static PreSharedKeyExtension selected(int selectedIdentity) {
        return new PreSharedKeyExtension(List.of(), List.of(), selectedIdentity);
    }

    static PreSharedKeyExtension decode(WireReader data, ExtensionContext context) throws DecodeException {
        switch (context) {
            case CLIENT_HELLO:
                WireReader list = data.vector(2, "identities");
                List<PskIdentity> identities = new ArrayList<>();
                while (list.hasRemaining()) {
                    identities.add(new PskIdentity(list.opaque(2, "identity"), list.u32("obfuscated_ticket_age")));
                }
                return offered(identities, data.opaqueList(2, 1, "binders"));
            case SERVER_HELLO:
                return selected(data.u16("selected_identity"));
            default:
                return null;
        }
    }

    @Override
    public int type() {
        return ExtensionType.pre_shared_key;
    }

    /** The offered identities (ClientHello); empty in ServerHello. */
    public List<PskIdentity> identities() {
        return identities;
    }

    /** The binders, copied (ClientHello); empty in ServerHello. */
    public List<byte[]> binders() {
        return Bytes.copy(binders);
    }

    /** The selected identity's index (ServerHello). */
    public OptionalInt selectedIdentity() {
        return selectedIdentity < 0 ? OptionalInt.empty() : OptionalInt.of(selectedIdentity);
    }

    @Override
    void writeData(WireWriter w) {
        if (selectedIdentity >= 0) {
            w.u16(selectedIdentity);
        } else {
            w.vector(2, b -> identities.forEach(i -> b.opaque(2, i.identity).u32(i.obfuscatedTicketAge)));
            w.opaqueList(2, 1, binders);
        }
    }

    @Override
    String describe() {
        return selectedIdentity >= 0 ? "selected_identity=" + selectedIdentity
                : identities.stream().map(PskIdentity::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
