package io.tlslens.wire;

import java.util.List;
import java.util.Optional;

/**
 * ClientHello (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2). The lists keep wire order and every code,
 * GREASE included, because JA3/JA4 fingerprints are computed from them.
 */
public final class ClientHello extends HandshakeMessage {
    private final int legacyVersion;
    private final byte[] random;
    private final byte[] sessionId;
    private final List<Integer> cipherSuites;
    private final List<Integer> compressionMethods;
    private final List<Extension> extensions;
    /** SSL 3.0 and early TLS clients may omit the extensions block, which differs on the wire from an empty one. */
    private final boolean hasExtensionsBlock;

    private ClientHello(int legacyVersion, byte[] random, byte[] sessionId, List<Integer> cipherSuites,
            List<Integer> compressionMethods, List<Extension> extensions, boolean hasExtensionsBlock) {
        Hello.checkRandom(random);
        Hello.checkSessionId(sessionId);
        this.legacyVersion = legacyVersion;
        this.random = random.clone();
        this.sessionId = sessionId.clone();
        this.cipherSuites = List.copyOf(cipherSuites);
        this.compressionMethods = List.copyOf(compressionMethods);
        this.extensions = List.copyOf(extensions);
        this.hasExtensionsBlock = hasExtensionsBlock;
    }

    public ClientHello(int legacyVersion, byte[] random, byte[] sessionId, List<Integer> cipherSuites,
            List<Integer> compressionMethods, List<Extension> extensions) {
        this(legacyVersion, random, sessionId, cipherSuites, compressionMethods, extensions, true);
    }

    public static ClientHello decode(byte[] body) throws DecodeException {
        return decodeBody(body, ClientHello::decode);
    }

    static ClientHello decode(WireReader r) throws DecodeException {
        int legacyVersion = r.u16("legacy_version");
        byte[] random = r.bytes(Hello.RANDOM_LENGTH, "random");
        byte[] sessionId = Hello.sessionId(r);
        List<Integer> cipherSuites = r.u16List(2, "cipher_suites");
        List<Integer> compressionMethods = r.u8List(1, "legacy_compression_methods");
        boolean hasExtensions = r.hasRemaining();
        List<Extension> extensions = hasExtensions ? Extensions.decodeList(r, ExtensionContext.CLIENT_HELLO) : List.of();
        return new ClientHello(legacyVersion, random, sessionId, cipherSuites, compressionMethods, extensions, hasExtensions);
    }

    @Override
    public int type() {
        return HandshakeType.client_hello;
    }

    public int legacyVersion() {
        return legacyVersion;
    }

    public byte[] random() {
        return random.clone();
    }

    public byte[] sessionId() {
        return sessionId.clone();
    }

    public List<Integer> cipherSuites() {
        return cipherSuites;
    }

    public List<Integer> compressionMethods() {
        return compressionMethods;
    }

    public List<Extension> extensions() {
        return extensions;
    }

    /** The first extension of that class. */
    public <T extends Extension> Optional<T> extension(Class<T> type) {
        return Extensions.find(extensions, type);
    }

    /** The SNI host_name. */
    public Optional<String> serverName() {
        return extension(ServerNameExtension.class).flatMap(ServerNameExtension::hostName);
    }

    public List<Integer> supportedGroups() {
        return extension(SupportedGroupsExtension.class).map(SupportedGroupsExtension::groups).orElse(List.of());
    }

    /** The groups the client sent key shares for. */
    public List<Integer> keyShareGroups() {
        return extension(KeyShareExtension.class).map(KeyShareExtension::groups).orElse(List.of());
    }

    public List<Integer> signatureAlgorithms() {
        return extension(SignatureAlgorithmsExtension.class).map(SignatureAlgorithmsExtension::schemes).orElse(List.of());
    }

    public List<String> alpnProtocols() {
        return extension(AlpnExtension.class).map(AlpnExtension::protocols).orElse(List.of());
    }

    /** The supported_versions list; empty when absent (a TLS 1.2 or older client). */
    public List<Integer> supportedVersions() {
        return extension(SupportedVersionsExtension.class).map(SupportedVersionsExtension::versions).orElse(List.of());
    }

    @Override
    void writeBody(WireWriter w) {
        w.u16(legacyVersion).bytes(random).opaque(1, sessionId)
                .u16List(2, cipherSuites).u8List(1, compressionMethods);
        if (hasExtensionsBlock) {
            Extensions.writeList(w, extensions);
        }
    }

    @Override
    String describe() {
        return "legacy_version=" + ProtocolVersion.name(legacyVersion)
                + ", random=" + Bytes.hex(random)
                + ", session_id=" + Bytes.hex(sessionId)
                + ", cipher_suites=" + Registry.names(cipherSuites, CipherSuite::name)
                + ", compression_methods=" + Registry.names(compressionMethods, CompressionMethod::name)
                + ", extensions=" + extensions;
    }
}
