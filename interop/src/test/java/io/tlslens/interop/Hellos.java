package io.tlslens.interop;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.ExtendedMasterSecretExtension;
import io.tlslens.wire.HandshakeDecoder;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeMessage;
import io.tlslens.wire.HandshakeReassembler;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.ServerKeyExchange;
import io.tlslens.wire.SessionTicketExtension;
import io.tlslens.wire.SignatureScheme;
import io.tlslens.wire.TlsRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plaintext handshake of one connection as it crossed the wire, decoded with the project's wire codec:
 * every ClientHello, and every message the server sent before encrypting. In TLS 1.3 that is the
 * ServerHello (a HelloRetryRequest included); in TLS 1.2 the whole server flight up to its
 * ChangeCipherSpec (Certificate, ServerKeyExchange, NewSessionTicket, ...). Immutable.
 */
final class Hellos {
    /** RFC 8446 §4.1.3: the last 8 bytes of a TLS 1.3-capable server's random when it negotiates TLS 1.2. */
    private static final byte[] TLS12_DOWNGRADE_SENTINEL = "DOWNGRD\u0001".getBytes(StandardCharsets.US_ASCII);

    private final List<ClientHello> clientHellos;
    private final List<HandshakeMessage> serverMessages;

    private Hellos(List<ClientHello> clientHellos, List<HandshakeMessage> serverMessages) {
        this.clientHellos = List.copyOf(clientHellos);
        this.serverMessages = List.copyOf(serverMessages);
    }

    static Hellos parse(byte[] fromClient, byte[] fromServer) {
        try {
            // Where encryption starts depends on the version, which the server's first flight names: TLS 1.3
            // encrypts from the first application_data record (its change_cipher_spec is a dummy, RFC 8446
            // Appendix D.4), TLS 1.2 from the record after change_cipher_spec (RFC 5246 §7.1).
            boolean tls12 = plaintextHandshake(fromServer, true).stream()
                    .filter(frame -> frame.type() == HandshakeType.server_hello)
                    .map(frame -> decodeServerHello(frame.body()))
                    .anyMatch(hello -> hello.selectedVersion() == ProtocolVersion.TLSv1_2);
            HandshakeDecoder decoder = new HandshakeDecoder();
            List<HandshakeMessage> server = new ArrayList<>();
            for (HandshakeFrame frame : plaintextHandshake(fromServer, tls12)) {
                server.add(decoder.decode(frame.type(), frame.body()));
            }
            List<ClientHello> clientHellos = new ArrayList<>();
            for (HandshakeFrame frame : plaintextHandshake(fromClient, tls12)) {
                if (frame.type() == HandshakeType.client_hello) {
                    clientHellos.add(ClientHello.decode(frame.body()));
                }
            }
            return new Hellos(clientHellos, server);
        } catch (DecodeException e) {
            throw new AssertionError("a handshake message on the wire does not decode", e);
        }
    }

    private static ServerHello decodeServerHello(byte[] body) {
        try {
            return ServerHello.decode(body);
        } catch (DecodeException e) {
            throw new AssertionError("a ServerHello on the wire does not decode", e);
        }
    }

    /** The handshake messages before the first encrypted record; the ChangeCipherSpec ends them if asked. */
    private static List<HandshakeFrame> plaintextHandshake(byte[] stream, boolean endAtChangeCipherSpec)
            throws DecodeException {
        HandshakeReassembler reassembler = new HandshakeReassembler();
        List<HandshakeFrame> frames = new ArrayList<>();
        int offset = 0;
        while (stream.length - offset >= TlsRecord.HEADER_LENGTH) {
            int length = ((stream[offset + 3] & 0xff) << 8) | (stream[offset + 4] & 0xff);
            if (stream.length - offset < TlsRecord.HEADER_LENGTH + length) {
                break; // kept bytes end mid-record
            }
            TlsRecord record = TlsRecord.decode(stream, offset, TlsRecord.HEADER_LENGTH + length);
            if (record.contentType() == ContentType.application_data
                    || (endAtChangeCipherSpec && record.contentType() == ContentType.change_cipher_spec)) {
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
        return serverHellos().stream().anyMatch(ServerHello::isHelloRetryRequest);
    }

    private List<ServerHello> serverHellos() {
        return serverMessages(ServerHello.class);
    }

    private <T extends HandshakeMessage> List<T> serverMessages(Class<T> type) {
        return serverMessages.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** The ServerHello that is not a HelloRetryRequest. */
    ServerHello serverHello() {
        List<ServerHello> real = serverHellos().stream().filter(hello -> !hello.isHelloRetryRequest())
                .collect(Collectors.toList());
        if (real.size() != 1) {
            throw new AssertionError("expected one ServerHello on the wire, saw " + serverMessages);
        }
        return real.get(0);
    }

    /** The negotiated version by its JSSE name: {@code TLSv1.3}, {@code TLSv1.2}. */
    String version() {
        return ProtocolVersion.name(serverHello().selectedVersion());
    }

    private boolean tls12() {
        return serverHello().selectedVersion() == ProtocolVersion.TLSv1_2;
    }

    /**
     * The key exchange group of the handshake, by its RFC 8446 name: the ServerHello's key_share in TLS 1.3,
     * the ServerKeyExchange's named curve in TLS 1.2.
     */
    String group() {
        if (tls12()) {
            List<ServerKeyExchange> keyExchange = serverMessages(ServerKeyExchange.class);
            if (keyExchange.size() != 1) {
                throw new AssertionError("expected one ServerKeyExchange on the wire, saw " + serverMessages);
            }
            return NamedGroup.name(keyExchange.get(0).namedGroup().orElseThrow(
                    () -> new AssertionError("ServerKeyExchange without a named curve: " + keyExchange)));
        }
        return NamedGroup.name(serverHello().keyShareGroup().orElseThrow(
                () -> new AssertionError("ServerHello without key_share: " + serverHello())));
    }

    String cipherSuite() {
        return CipherSuite.name(serverHello().cipherSuite());
    }

    /**
     * The server resumed a session: in TLS 1.3 it accepted a pre-shared key; in TLS 1.2 its ServerHello went
     * straight on to ChangeCipherSpec, an abbreviated handshake without Certificate (RFC 5246 §7.3).
     */
    boolean resumed() {
        if (tls12()) {
            return serverMessages.stream().noneMatch(message -> message.type() == HandshakeType.certificate);
        }
        return serverHello().preSharedKeyIdentity().isPresent();
    }

    /** The first ClientHello carried a session ticket (RFC 5077 §3.2), not an empty session_ticket extension. */
    boolean ticketOffered() {
        return clientHellos.get(0).extension(SessionTicketExtension.class)
                .map(extension -> extension.ticket().length > 0).orElse(false);
    }

    /** The server sent a TLS 1.2 NewSessionTicket (RFC 5077 §3.3), in plaintext before its ChangeCipherSpec. */
    boolean ticketIssued() {
        return serverMessages.stream().anyMatch(message -> message.type() == HandshakeType.new_session_ticket);
    }

    /** The server echoed a session ID the client offered (RFC 5246 §7.4.1.3: it resumes that session). */
    boolean sessionIdEchoed() {
        byte[] offered = clientHellos.get(0).sessionId();
        return offered.length > 0 && Arrays.equals(offered, serverHello().sessionId());
    }

    /** Both hellos carry extended_master_secret (RFC 7627 §5.1). */
    boolean extendedMasterSecret() {
        return clientHellos.get(0).extension(ExtendedMasterSecretExtension.class).isPresent()
                && serverHello().extension(ExtendedMasterSecretExtension.class).isPresent();
    }

    /** The ServerHello random ends with the TLS 1.2 downgrade sentinel (RFC 8446 §4.1.3). */
    boolean downgradeSentinel() {
        byte[] random = serverHello().random();
        byte[] tail = Arrays.copyOfRange(random, random.length - TLS12_DOWNGRADE_SENTINEL.length, random.length);
        return Arrays.equals(TLS12_DOWNGRADE_SENTINEL, tail);
    }

    /** The versions the first ClientHello offered in supported_versions, by JSSE name; empty without it. */
    List<String> versionsOffered() {
        return clientHellos.get(0).supportedVersions().stream().map(ProtocolVersion::name)
                .collect(Collectors.toList());
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
        return clientHellos.size() + " ClientHello(s), server sent " + serverMessages.stream()
                .map(message -> HandshakeType.name(message.type())).collect(Collectors.toList())
                + (serverHellos().isEmpty() ? "" : ", " + serverHellos());
    }
}
