package io.tlslens.interop;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeReassembler;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.SignatureScheme;
import io.tlslens.wire.TlsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plaintext hellos of one TLS 1.3 connection as they crossed the wire: every ClientHello and every
 * ServerHello (a HelloRetryRequest included), decoded with the project's wire codec. Everything after
 * them is encrypted. Immutable.
 */
final class Hellos {
    private final List<ClientHello> clientHellos;
    private final List<ServerHello> serverHellos;

    private Hellos(List<ClientHello> clientHellos, List<ServerHello> serverHellos) {
        this.clientHellos = List.copyOf(clientHellos);
        this.serverHellos = List.copyOf(serverHellos);
    }

    static Hellos parse(byte[] fromClient, byte[] fromServer) {
        try {
            return new Hellos(messages(fromClient, HandshakeType.client_hello, ClientHello::decode),
                    messages(fromServer, HandshakeType.server_hello, ServerHello::decode));
        } catch (DecodeException e) {
            throw new AssertionError("a hello on the wire does not decode", e);
        }
    }

    /** How a message body decodes. */
    private interface Decoder<T> {
        T decode(byte[] body) throws DecodeException;
    }

    /** The plaintext handshake messages of one type in one direction, decoded. */
    private static <T> List<T> messages(byte[] stream, int type, Decoder<T> decoder) throws DecodeException {
        List<T> messages = new ArrayList<>();
        for (HandshakeFrame frame : plaintextHandshake(stream)) {
            if (frame.type() == type) {
                messages.add(decoder.decode(frame.body()));
            }
        }
        return messages;
    }

    /** The handshake messages in the records before the first encrypted one. */
    private static List<HandshakeFrame> plaintextHandshake(byte[] stream) throws DecodeException {
        HandshakeReassembler reassembler = new HandshakeReassembler();
        List<HandshakeFrame> frames = new ArrayList<>();
        int offset = 0;
        while (stream.length - offset >= TlsRecord.HEADER_LENGTH) {
            int length = ((stream[offset + 3] & 0xff) << 8) | (stream[offset + 4] & 0xff);
            if (stream.length - offset < TlsRecord.HEADER_LENGTH + length) {
                break; // kept bytes end mid-record
            }
            TlsRecord record = TlsRecord.decode(stream, offset, TlsRecord.HEADER_LENGTH + length);
            if (record.contentType() == ContentType.application_data) {
                break;
            }
            if (record.contentType() == ContentType.handshake) {
                frames.addAll(reassembler.add(record.fragment()));
            }
            offset += record.encodedLength();
        }
        return frames;
    }

    List<ClientHello> clientHellos() {
        return clientHellos;
    }

    boolean helloRetryRequested() {
        return serverHellos.stream().anyMatch(ServerHello::isHelloRetryRequest);
    }

    /** The ServerHello that is not a HelloRetryRequest. */
    ServerHello serverHello() {
        List<ServerHello> real = serverHellos.stream().filter(hello -> !hello.isHelloRetryRequest())
                .collect(Collectors.toList());
        if (real.size() != 1) {
            throw new AssertionError("expected one ServerHello on the wire, saw " + serverHellos);
        }
        return real.get(0);
    }

    /** The key exchange group of the handshake, by its RFC 8446 name. */
    String group() {
        return NamedGroup.name(serverHello().keyShareGroup().orElseThrow(
                () -> new AssertionError("ServerHello without key_share: " + serverHello())));
    }

    String cipherSuite() {
        return CipherSuite.name(serverHello().cipherSuite());
    }

    /** The server accepted a pre-shared key: TLS 1.3 resumption. */
    boolean resumed() {
        return serverHello().preSharedKeyIdentity().isPresent();
    }

    /** The groups the first ClientHello sent key shares for. */
    List<String> firstKeyShareGroups() {
        return keyShareGroups(0);
    }

    /** The groups ClientHello {@code index} (0: the first) sent key shares for. */
    List<String> keyShareGroups(int index) {
        return clientHellos.get(index).keyShareGroups().stream().map(NamedGroup::name).collect(Collectors.toList());
    }

    /** The signature_algorithms of the first ClientHello, by RFC 8446 name. */
    List<String> signatureSchemesOffered() {
        return clientHellos.get(0).signatureAlgorithms().stream().map(SignatureScheme::name)
                .collect(Collectors.toList());
    }

    Optional<String> serverName() {
        return clientHellos.get(0).serverName();
    }

    @Override
    public String toString() {
        return clientHellos.size() + " ClientHello(s), " + serverHellos;
    }
}
