package io.tlslens.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * application_layer_protocol_negotiation (RFC 7301 §3.1): the client's ProtocolNameList, or the
 * server's with exactly the one protocol it selected. Names are kept as bytes, since they are
 * opaque on the wire (GREASE ALPN values are not text); {@link #protocols()} reads them as UTF-8.
 */
public final class AlpnExtension extends Extension {
    private final List<byte[]> protocolNames;

    public AlpnExtension(List<byte[]> protocolNames) {
        this.protocolNames = Bytes.copy(protocolNames);
    }

    public static AlpnExtension of(String... protocols) {
        return new AlpnExtension(Arrays.stream(protocols).map(p -> p.getBytes(StandardCharsets.UTF_8)).collect(Collectors.toList()));
    }

    static AlpnExtension decode(WireReader data) throws DecodeException {
        return new AlpnExtension(data.opaqueList(2, 1, "protocol_name_list"));
    }

    @Override
    public int type() {
        return ExtensionType.application_layer_protocol_negotiation;
    }

    public List<String> protocols() {
        return protocolNames.stream().map(p -> new String(p, StandardCharsets.UTF_8)).collect(Collectors.toUnmodifiableList());
    }

    /** The names as sent, copied. */
    public List<byte[]> protocolNames() {
        return Bytes.copy(protocolNames);
    }

    @Override
    void writeData(WireWriter w) {
        w.opaqueList(2, 1, protocolNames);
    }

    @Override
    String describe() {
        return protocols().toString();
    }
}
