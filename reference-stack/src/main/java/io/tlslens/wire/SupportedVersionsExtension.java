package io.tlslens.wire;

import java.util.List;
import java.util.OptionalInt;

/**
 * supported_versions (RFC 8446 §4.2.1): the client's versions in preference order, or the version
 * the server selected (ServerHello and HelloRetryRequest). Its presence is what makes a ServerHello
 * a TLS 1.3 one.
 */
public final class SupportedVersionsExtension extends Extension {
    private final List<Integer> versions;
    private final int selectedVersion;

    private SupportedVersionsExtension(List<Integer> versions, int selectedVersion) {
        this.versions = List.copyOf(versions);
        this.selectedVersion = selectedVersion;
    }

    /** The ClientHello form. */
    public static SupportedVersionsExtension offered(List<Integer> versions) {
        return new SupportedVersionsExtension(versions, -1);
    }

    /** The ServerHello and HelloRetryRequest form. */
    public static SupportedVersionsExtension selected(int version) {
        return new SupportedVersionsExtension(List.of(), version);
    }

    static SupportedVersionsExtension decode(WireReader data, ExtensionContext context) throws DecodeException {
        switch (context) {
            case CLIENT_HELLO:
                return offered(data.u16List(1, "versions"));
            case SERVER_HELLO:
            case HELLO_RETRY_REQUEST:
                return selected(data.u16("selected_version"));
            default:
                return null;
        }
    }

    @Override
    public int type() {
        return ExtensionType.supported_versions;
    }

    /** The offered versions (ClientHello), GREASE included; empty in ServerHello. */
    public List<Integer> versions() {
        return versions;
    }

    public OptionalInt selectedVersion() {
        return selectedVersion < 0 ? OptionalInt.empty() : OptionalInt.of(selectedVersion);
    }

    @Override
    void writeData(WireWriter w) {
        if (selectedVersion >= 0) {
            w.u16(selectedVersion);
        } else {
            w.u16List(1, versions);
        }
    }

    @Override
    String describe() {
        return selectedVersion >= 0 ? ProtocolVersion.name(selectedVersion) : Registry.names(versions, ProtocolVersion::name);
    }
}
