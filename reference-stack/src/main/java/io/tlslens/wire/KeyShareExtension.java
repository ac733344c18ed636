package io.tlslens.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * key_share (RFC 8446 §4.2.8): the client's KeyShareEntry list, the server's one entry, or in a
 * HelloRetryRequest the bare group the server wants a share for.
 */
public final class KeyShareExtension extends Extension {
    /** One KeyShareEntry: a group and the sender's public value for it. */
    public static final class KeyShareEntry {
        private final int group;
        private final byte[] keyExchange;

        public KeyShareEntry(int group, byte[] keyExchange) {
            this.group = group;
            this.keyExchange = keyExchange.clone();
        }

        public int group() {
            return group;
        }

        public byte[] keyExchange() {
            return keyExchange.clone();
        }

        @Override
        public String toString() {
            return NamedGroup.name(group) + "(" + keyExchange.length + " bytes)";
        }

        private static KeyShareEntry decode(WireReader r) throws DecodeException {
            return new KeyShareEntry(r.u16("group"), r.opaque(2, "key_exchange"));
        }

        private void writeTo(WireWriter w) {
            w.u16(group).opaque(2, keyExchange);
        }
    }

    private final ExtensionContext form;
    private final List<KeyShareEntry> entries;
    private final int selectedGroup;

    private KeyShareExtension(ExtensionContext form, List<KeyShareEntry> entries, int selectedGroup) {
        this.form = form;
        this.entries = List.copyOf(entries);
        this.selectedGroup = selectedGroup;
    }

    /** The ClientHello form: client_shares. */
    public static KeyShareExtension clientShares(List<KeyShareEntry> entries) {
        return new KeyShareExtension(ExtensionContext.CLIENT_HELLO, entries, -1);
    }

    /** The ServerHello form: server_share. */
    public static KeyShareExtension serverShare(KeyShareEntry entry) {
        return new KeyShareExtension(ExtensionContext.SERVER_HELLO, List.of(entry), -1);
    }

    /** The HelloRetryRequest form: selected_group. */
    public static KeyShareExtension selectedGroup(int group) {
        return new KeyShareExtension(ExtensionContext.HELLO_RETRY_REQUEST, List.of(), group);
    }

    static KeyShareExtension decode(WireReader data, ExtensionContext context) throws DecodeException {
        switch (context) {
            case CLIENT_HELLO:
                WireReader list = data.vector(2, "client_shares");
                List<KeyShareEntry> entries = new ArrayList<>();
                while (list.hasRemaining()) {
                    entries.add(KeyShareEntry.decode(list));
                }
                return clientShares(entries);
            case SERVER_HELLO:
                return serverShare(KeyShareEntry.decode(data));
            case HELLO_RETRY_REQUEST:
                return selectedGroup(data.u16("selected_group"));
            default:
                return null;
        }
    }

    @Override
    public int type() {
        return ExtensionType.key_share;
    }

    /** The client's shares, or the server's one share; empty in a HelloRetryRequest. */
    public List<KeyShareEntry> entries() {
        return entries;
    }

    /** The groups of {@link #entries()}, in order. */
    public List<Integer> groups() {
        return entries.stream().map(KeyShareEntry::group).collect(Collectors.toUnmodifiableList());
    }

    /** The group a HelloRetryRequest asks for. */
    public OptionalInt selectedGroup() {
        return selectedGroup < 0 ? OptionalInt.empty() : OptionalInt.of(selectedGroup);
    }

    @Override
    void writeData(WireWriter w) {
        switch (form) {
            case CLIENT_HELLO:
                w.vector(2, b -> entries.forEach(e -> e.writeTo(b)));
                break;
            case SERVER_HELLO:
                entries.get(0).writeTo(w);
                break;
            default:
                w.u16(selectedGroup);
        }
    }

    @Override
    String describe() {
        return form == ExtensionContext.HELLO_RETRY_REQUEST ? "selected_group=" + NamedGroup.name(selectedGroup) : entries.toString();
    }
}
