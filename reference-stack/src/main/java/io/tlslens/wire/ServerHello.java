package io.tlslens.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * ServerHello (RFC 8446 §4.1.3, RFC 5246 §7.4.1.3), and HelloRetryRequest, which TLS 1.3 sends as a
 * ServerHello with a fixed random (RFC 8446 §4.1.4) and whose extensions have their own shapes.
 */
public final class ServerHello extends HandshakeMessage {
    /** SHA-256("HelloRetryRequest"), the random that marks a HelloRetryRequest. */
    private static final byte[] HELLO_RETRY_REQUEST_RANDOM = {
        (byte) 0xCF, 0x21, (byte) 0xAD, 0x74, (byte) 0xE5, (byte) 0x9A, 0x61, 0x11,
        (byte) 0xBE, 0x1D, (byte) 0x8C, 0x02, 0x1E, 0x65, (byte) 0xB8, (byte) 0x91,
        (byte) 0xC2, (byte) 0xA2, 0x11, 0x16, 0x7A, (byte) 0xBB, (byte) 0x8C, 0x5E,
        0x07, (byte) 0x9E, 0x09, (byte) 0xE2, (byte) 0xC8, (byte) 0xA8, 0x33, (byte) 0x9C,
    };

    private final int legacyVersion;
    private final byte[] random;
    private final byte[] sessionId;
    private final int cipherSuite;
    private final int compressionMethod;
    private final List<Extension> extensions;
    /** TLS 1.2 and older servers may omit the extensions block, which differs on the wire from an empty one. */
    private final boolean hasExtensionsBlock;

    private ServerHello(int legacyVersion, byte[] random, byte[] sessionId, int cipherSuite, int compressionMethod,
            List<Extension> extensions, boolean hasExtensionsBlock) {
        Hello.checkRandom(random);
        Hello.checkSessionId(sessionId);
        this.legacyVersion = legacyVersion;
        this.random = random.clone();
        this.sessionId = sessionId.clone();
        this.cipherSuite = cipherSuite;
        this.compressionMethod = compressionMethod;
        this.extensions = List.copyOf(extensions);
        this.hasExtensionsBlock = hasExtensionsBlock;
    }

    public ServerHello(int legacyVersion, byte[] random, byte[] sessionId, int cipherSuite, int compressionMethod,
            List<Extension> extensions) {
        this(legacyVersion, random, sessionId, cipherSuite, compressionMethod, extensions, true);
    }

    /** The random to build a HelloRetryRequest with. */
    public static byte[] helloRetryRequestRandom() {
        return HELLO_RETRY_REQUEST_RANDOM.clone();
    }

    public static ServerHello decode(byte[] body) throws DecodeException {
        return decodeBody(body, ServerHello::decode);
    }

    static ServerHello decode(WireReader r) throws DecodeException {
        int legacyVersion = r.u16("legacy_version");
        byte[] random = r.bytes(Hello.RANDOM_LENGTH, "random");
        byte[] sessionId = Hello.sessionId(r);
        int cipherSuite = r.u16("cipher_suite");
        int compressionMethod = r.u8("legacy_compression_method");
        boolean hasExtensions = r.hasRemaining();
        ExtensionContext context = Arrays.equals(random, HELLO_RETRY_REQUEST_RANDOM)
                ? ExtensionContext.HELLO_RETRY_REQUEST : ExtensionContext.SERVER_HELLO;
        List<Extension> extensions = hasExtensions ? Extensions.decodeList(r, context) : List.of();
        return new ServerHello(legacyVersion, random, sessionId, cipherSuite, compressionMethod, extensions, hasExtensions);
    }

    @Override
    public int type() {
        return HandshakeType.server_hello;
    }

    @Override
    public String name() {
        return isHelloRetryRequest() ? "HelloRetryRequest" : "ServerHello";
    }

    public boolean isHelloRetryRequest() {
        return Arrays.equals(random, HELLO_RETRY_REQUEST_RANDOM);
    }

    public int legacyVersion() {
        return legacyVersion;
    }

    /** The version in force: supported_versions' selected_version if present, else legacy_version. */
    public int selectedVersion() {
        OptionalInt selected = extension(SupportedVersionsExtension.class)
                .map(SupportedVersionsExtension::selectedVersion).orElse(OptionalInt.empty());
        return selected.orElse(legacyVersion);
    }

    public byte[] random() {
        return random.clone();
    }

    public byte[] sessionId() {
        return sessionId.clone();
    }

    public int cipherSuite() {
        return cipherSuite;
    }

    public int compressionMethod() {
        return compressionMethod;
    }

    public List<Extension> extensions() {
        return extensions;
    }

    public <T extends Extension> Optional<T> extension(Class<T> type) {
        return Extensions.find(extensions, type);
    }

    /** The key_share group: the server's share in a ServerHello, selected_group in a HelloRetryRequest. */
    public OptionalInt keyShareGroup() {
        Optional<KeyShareExtension> keyShare = extension(KeyShareExtension.class);
        if (keyShare.isEmpty()) {
            return OptionalInt.empty();
        }
        List<Integer> groups = keyShare.get().groups();
        return groups.isEmpty() ? keyShare.get().selectedGroup() : OptionalInt.of(groups.get(0));
    }

    /** The index of the PSK identity the server accepted (TLS 1.3 resumption). */
    public OptionalInt preSharedKeyIdentity() {
        return extension(PreSharedKeyExtension.class).map(PreSharedKeyExtension::selectedIdentity).orElse(OptionalInt.empty());
    }

    /** The selected ALPN protocol, which TLS 1.2 carries here (TLS 1.3 in EncryptedExtensions). */
    public Optional<String> alpnProtocol() {
        return extension(AlpnExtension.class).flatMap(e -> e.protocols().stream().findFirst());
    }

    @Override
    void writeBody(WireWriter w) {
        w.u16(legacyVersion).bytes(random).opaque(1, sessionId).u16(cipherSuite).u8(compressionMethod);
        if (hasExtensionsBlock) {
            Extensions.writeList(w, extensions);
        }
    }

    @Override
    String describe() {
        return "legacy_version=" + ProtocolVersion.name(legacyVersion)
                + (isHelloRetryRequest() ? "" : ", random=" + Bytes.hex(random))
                + ", session_id=" + Bytes.hex(sessionId)
                + ", cipher_suite=" + CipherSuite.name(cipherSuite)
                + ", compression_method=" + CompressionMethod.name(compressionMethod)
                + ", extensions=" + extensions;
    }
}
