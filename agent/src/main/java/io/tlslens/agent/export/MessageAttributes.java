package io.tlslens.agent.export;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.tlslens.agent.record.RegistryNames;
import io.tlslens.agent.record.RecordedMessage;
import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlertLevel;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateRequest;
import io.tlslens.wire.CertificateVerify;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.EncryptedExtensions;
import io.tlslens.wire.Extension;
import io.tlslens.wire.ExtensionType;
import io.tlslens.wire.KeyUpdate;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.NewSessionTicket;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.ServerKeyExchange;
import io.tlslens.wire.SignatureScheme;
import java.util.List;

/** The attributes of one message's span event: its direction, length and decoded fields. */
final class MessageAttributes {

    private static final String PREFIX = "tlslens.message.";

    private MessageAttributes() {
    }

    static Attributes of(RecordedMessage message) {
        AttributesBuilder builder = Attributes.builder()
                .put(TlsAttributes.DIRECTION, message.direction().attributeValue())
                .put(TlsAttributes.MESSAGE_LENGTH, message.length());
        if (message.decodeError() != null) {
            builder.put(PREFIX + "decode_error", message.decodeError());
        }
        Object decoded = message.decoded();
        if (decoded instanceof ClientHello) {
            clientHello(builder, (ClientHello) decoded);
        } else if (decoded instanceof ServerHello) {
            serverHello(builder, (ServerHello) decoded);
        } else if (decoded instanceof EncryptedExtensions) {
            EncryptedExtensions extensions = (EncryptedExtensions) decoded;
            extensions.alpnProtocol().ifPresent(alpn -> builder.put(PREFIX + "alpn", alpn));
            builder.put(PREFIX + "extensions", extensionNames(extensions.extensions()));
        } else if (decoded instanceof Certificate) {
            Certificate certificate = (Certificate) decoded;
            builder.put(PREFIX + "certificate_count", certificate.entries().size());
        } else if (decoded instanceof CertificateRequest) {
            CertificateRequest request = (CertificateRequest) decoded;
            builder.put(PREFIX + "signature_algorithms", RegistryNames.names(request.signatureAlgorithms(), SignatureScheme::name));
            builder.put(PREFIX + "certificate_authorities", request.certificateAuthorities().size());
        } else if (decoded instanceof CertificateVerify) {
            ((CertificateVerify) decoded).signatureScheme()
                    .ifPresent(scheme -> builder.put(PREFIX + "signature_scheme", SignatureScheme.name(scheme)));
        } else if (decoded instanceof ServerKeyExchange) {
            ServerKeyExchange exchange = (ServerKeyExchange) decoded;
            exchange.namedGroup().ifPresent(group -> builder.put(PREFIX + "group", NamedGroup.name(group)));
            exchange.signatureScheme().ifPresent(scheme -> builder.put(PREFIX + "signature_scheme", SignatureScheme.name(scheme)));
        } else if (decoded instanceof NewSessionTicket) {
            builder.put(PREFIX + "lifetime_s", ((NewSessionTicket) decoded).lifetimeSeconds());
        } else if (decoded instanceof KeyUpdate) {
            builder.put(PREFIX + "update_requested", ((KeyUpdate) decoded).updateRequested());
        } else if (decoded instanceof Alert) {
            Alert alert = (Alert) decoded;
            builder.put("tlslens.alert.level", AlertLevel.name(alert.level()));
            builder.put("tlslens.alert.description", AlertDescription.name(alert.description()));
        }
        return builder.build();
    }

    private static void clientHello(AttributesBuilder builder, ClientHello hello) {
        hello.serverName().ifPresent(name -> builder.put(PREFIX + "server_name", name));
        builder.put(PREFIX + "cipher_suites", RegistryNames.names(hello.cipherSuites(), CipherSuite::name));
        if (!hello.supportedVersions().isEmpty()) {
            builder.put(PREFIX + "supported_versions", RegistryNames.names(hello.supportedVersions(), ProtocolVersion::name));
        }
        builder.put(PREFIX + "supported_groups", RegistryNames.names(hello.supportedGroups(), NamedGroup::name));
        builder.put(PREFIX + "key_share_groups", RegistryNames.names(hello.keyShareGroups(), NamedGroup::name));
        builder.put(PREFIX + "signature_algorithms", RegistryNames.names(hello.signatureAlgorithms(), SignatureScheme::name));
        if (!hello.alpnProtocols().isEmpty()) {
            builder.put(PREFIX + "alpn", hello.alpnProtocols().toArray(new String[0]));
        }
        builder.put(PREFIX + "session_id_length", hello.sessionId().length);
        builder.put(PREFIX + "extensions", extensionNames(hello.extensions()));
    }

    private static void serverHello(AttributesBuilder builder, ServerHello hello) {
        builder.put(PREFIX + "version", ProtocolVersion.name(hello.selectedVersion()));
        builder.put(PREFIX + "cipher_suite", CipherSuite.name(hello.cipherSuite()));
        hello.keyShareGroup().ifPresent(group -> builder.put(PREFIX + "group", NamedGroup.name(group)));
        hello.alpnProtocol().ifPresent(alpn -> builder.put(PREFIX + "alpn", alpn));
        builder.put(PREFIX + "session_id_length", hello.sessionId().length);
        builder.put(PREFIX + "extensions", extensionNames(hello.extensions()));
    }

    private static String[] extensionNames(List<? extends Extension> extensions) {
        String[] names = new String[extensions.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = ExtensionType.name(extensions.get(i).type());
        }
        return names;
    }
}
