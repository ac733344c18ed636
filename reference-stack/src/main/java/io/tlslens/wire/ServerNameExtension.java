package io.tlslens.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * server_name (RFC 6066 §3): in ClientHello the ServerNameList; in ServerHello or
 * EncryptedExtensions an empty acknowledgement that the server used the name.
 */
public final class ServerNameExtension extends Extension {
    /** NameType host_name, the only type RFC 6066 defines. */
    public static final int HOST_NAME = 0;

    /** One ServerName: its name_type and the name's bytes (ASCII for host_name). */
    public static final class ServerName {
        private final int nameType;
        private final byte[] name;

        public ServerName(int nameType, byte[] name) {
            this.nameType = nameType;
            this.name = name.clone();
        }

        public int nameType() {
            return nameType;
        }

        public byte[] name() {
            return name.clone();
        }

        /** The name as text: RFC 6066 host names are ASCII (IDNs as A-labels). */
        public String text() {
            return new String(name, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return nameType == HOST_NAME ? text() : "name_type(" + nameType + ")=" + Bytes.hex(name);
        }
    }

    private final List<ServerName> serverNames;
    private final boolean acknowledgement;

    private ServerNameExtension(List<ServerName> serverNames, boolean acknowledgement) {
        this.serverNames = List.copyOf(serverNames);
        this.acknowledgement = acknowledgement;
    }

    /** The ClientHello form. */
    public ServerNameExtension(List<ServerName> serverNames) {
        this(serverNames, false);
    }

    /** The ClientHello form with one host_name. */
    public static ServerNameExtension hostName(String hostName) {
        return new ServerNameExtension(List.of(new ServerName(HOST_NAME, hostName.getBytes(StandardCharsets.US_ASCII))));
    }

    /** The server's empty extension. */
    public static ServerNameExtension acknowledgement() {
        return new ServerNameExtension(List.of(), true);
    }

    static ServerNameExtension decode(WireReader data, ExtensionContext context) throws DecodeException {
        switch (context) {
            case CLIENT_HELLO:
                WireReader list = data.vector(2, "server_name_list");
                List<ServerName> names = new ArrayList<>();
                while (list.hasRemaining()) {
                    // RFC 6066 defines only host_name; other types are assumed to share its opaque16 shape.
                    names.add(new ServerName(list.u8("name_type"), list.opaque(2, "HostName")));
                }
                return new ServerNameExtension(names);
            case SERVER_HELLO:
            case ENCRYPTED_EXTENSIONS:
                return acknowledgement();
            default:
                return null;
        }
    }

    @Override
    public int type() {
        return ExtensionType.server_name;
    }

    public boolean isAcknowledgement() {
        return acknowledgement;
    }

    public List<ServerName> serverNames() {
        return serverNames;
    }

    /** The first host_name. */
    public Optional<String> hostName() {
        return serverNames.stream().filter(n -> n.nameType == HOST_NAME).findFirst().map(ServerName::text);
    }

    @Override
    void writeData(WireWriter w) {
        if (!acknowledgement) {
            w.vector(2, b -> serverNames.forEach(n -> b.u8(n.nameType).opaque(2, n.name)));
        }
    }

    @Override
    String describe() {
        return acknowledgement ? "" : serverNames.toString();
    }
}
