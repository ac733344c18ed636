package io.tlslens.wire;

import java.util.List;
import java.util.Optional;

/** EncryptedExtensions (RFC 8446 §4.3.1): the TLS 1.3 server's extensions that need no ServerHello. */
public final class EncryptedExtensions extends HandshakeMessage {
    private final List<Extension> extensions;

    public EncryptedExtensions(List<Extension> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    public static EncryptedExtensions decode(byte[] body) throws DecodeException {
        return decodeBody(body, EncryptedExtensions::decode);
    }

    static EncryptedExtensions decode(WireReader r) throws DecodeException {
        return new EncryptedExtensions(Extensions.decodeList(r, ExtensionContext.ENCRYPTED_EXTENSIONS));
    }

    @Override
    public int type() {
        return HandshakeType.encrypted_extensions;
    }

    public List<Extension> extensions() {
        return extensions;
    }

    public <T extends Extension> Optional<T> extension(Class<T> type) {
        return Extensions.find(extensions, type);
    }

    /** The ALPN protocol the server selected. */
    public Optional<String> alpnProtocol() {
        return extension(AlpnExtension.class).flatMap(e -> e.protocols().stream().findFirst());
    }

    @Override
    void writeBody(WireWriter w) {
        Extensions.writeList(w, extensions);
    }

    @Override
    String describe() {
        return "extensions=" + extensions;
    }
}
