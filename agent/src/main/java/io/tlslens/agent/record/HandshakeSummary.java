package io.tlslens.agent.record;

import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateVerify;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.EncryptedExtensions;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.ServerKeyExchange;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a handshake offered and negotiated, read from its messages: the same facts whichever stack
 * ran it. Fields are {@code null} or empty where the messages that carry them were not seen.
 */
public final class HandshakeSummary {

    private static final int SERVER_HELLO_DONE = 14;
    private static final CertificateCache CERTIFICATES = new CertificateCache();

    private final HandshakeRecord record;
    private ClientHello clientHello;
    private ServerHello serverHello;
    private boolean helloRetry;
    private EncryptedExtensions encryptedExtensions;
    private ServerKeyExchange serverKeyExchange;
    private CertificateVerify serverCertificateVerify;
    private Certificate serverCertificate;
    private Certificate clientCertificate;
    private boolean serverHelloDone;
    /** Parsed on first use: the span and the metrics both read the chains. */
    private List<X509Certificate> serverChain;
    private List<X509Certificate> clientChain;

    private HandshakeSummary(HandshakeRecord record) {
        this.record = record;
    }

    public static HandshakeSummary of(HandshakeRecord record) {
        HandshakeSummary summary = new HandshakeSummary(record);
        for (RecordedMessage message : record.messages()) {
            summary.take(message);
        }
        return summary;
    }

    private void take(RecordedMessage message) {
        boolean fromServer = isFromServer(message);
        Object decoded = message.decoded();
        if (decoded instanceof ClientHello) {
            clientHello = (ClientHello) decoded; // after a HelloRetryRequest, the second one counts
        } else if (decoded instanceof ServerHello) {
            ServerHello hello = (ServerHello) decoded;
            if (hello.isHelloRetryRequest()) {
                helloRetry = true;
            } else {
                serverHello = hello;
            }
        } else if (decoded instanceof EncryptedExtensions) {
            encryptedExtensions = (EncryptedExtensions) decoded;
        } else if (decoded instanceof ServerKeyExchange) {
            serverKeyExchange = (ServerKeyExchange) decoded;
        } else if (decoded instanceof CertificateVerify && fromServer) {
            serverCertificateVerify = (CertificateVerify) decoded;
        } else if (decoded instanceof Certificate) {
            if (fromServer) {
                serverCertificate = (Certificate) decoded;
            } else {
                clientCertificate = (Certificate) decoded;
            }
        } else if (message.handshakeType() == SERVER_HELLO_DONE) {
            serverHelloDone = true;
        }
    }

    /** Whether the server sent this message, given the side this JVM played. */
    public boolean isFromServer(RecordedMessage message) {
        return (record.role() == Role.SERVER) == (message.direction() == Direction.SENT);
    }

    public HandshakeRecord record() {
        return record;
    }

    public Optional<ClientHello> clientHello() {
        return Optional.ofNullable(clientHello);
    }

    public Optional<ServerHello> serverHello() {
        return Optional.ofNullable(serverHello);
    }

    public boolean helloRetry() {
        return helloRetry;
    }

    /** The negotiated version's wire code, if a ServerHello was seen. */
    public OptionalInt version() {
        return serverHello == null ? OptionalInt.empty() : OptionalInt.of(serverHello.selectedVersion());
    }

    public boolean isTls13() {
        return version().orElse(0) == ProtocolVersion.TLSv1_3;
    }

    public OptionalInt cipherSuite() {
        return serverHello == null ? OptionalInt.empty() : OptionalInt.of(serverHello.cipherSuite());
    }

    /** The key exchange group: the TLS 1.3 key share, or the TLS 1.2 ServerKeyExchange curve. */
    public OptionalInt group() {
        if (serverHello != null && isTls13()) {
            return serverHello.keyShareGroup();
        }
        return serverKeyExchange == null ? OptionalInt.empty() : serverKeyExchange.namedGroup();
    }

    /** The ALPN protocol the server selected (EncryptedExtensions in 1.3, ServerHello in 1.2). */
    public Optional<String> applicationProtocol() {
        if (encryptedExtensions != null && encryptedExtensions.alpnProtocol().isPresent()) {
            return encryptedExtensions.alpnProtocol();
        }
        return serverHello == null ? Optional.empty() : serverHello.alpnProtocol();
    }

    public Optional<String> serverName() {
        return clientHello == null ? Optional.empty() : clientHello.serverName();
    }

    /**
     * Whether the handshake resumed a session: in TLS 1.3 the server accepted a pre-shared key; in
     * TLS 1.2 the server went straight from ServerHello to Finished (no ServerHelloDone).
     */
    public boolean resumed() {
        if (serverHello == null) {
            return false;
        }
        if (isTls13()) {
            return serverHello.preSharedKeyIdentity().isPresent();
        }
        return !serverHelloDone && record.established();
    }

    /** The scheme the server signed with: its CertificateVerify (1.3) or ServerKeyExchange (1.2). */
    public OptionalInt signatureScheme() {
        if (serverCertificateVerify != null && serverCertificateVerify.signatureScheme().isPresent()) {
            return serverCertificateVerify.signatureScheme();
        }
        return serverKeyExchange == null ? OptionalInt.empty() : serverKeyExchange.signatureScheme();
    }

    /** The server's chain, leaf first: from its Certificate message, else from the session. */
    public List<X509Certificate> serverChain() {
        if (serverChain == null) {
            serverChain = serverCertificate != null ? parse(serverCertificate)
                    : record.role() == Role.CLIENT ? record.peerCertificates() : record.localCertificates();
        }
        return serverChain;
    }

    /** The client's chain, leaf first; empty when the client sent none. */
    public List<X509Certificate> clientChain() {
        if (clientChain == null) {
            clientChain = clientCertificate != null ? parse(clientCertificate)
                    : record.role() == Role.SERVER ? record.peerCertificates() : record.localCertificates();
        }
        return clientChain;
    }

    private static List<X509Certificate> parse(Certificate message) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate.Entry entry : message.entries()) {
            X509Certificate certificate = CERTIFICATES.parse(entry.data());
            if (certificate == null) {
                break; // one the JDK cannot parse: the chain stops there, the record stays
            }
            chain.add(certificate);
        }
        return Collections.unmodifiableList(chain);
    }
}
