package io.tlslens.agent.export;

import io.opentelemetry.api.common.AttributeKey;
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
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/** The attributes of one message's span event: its direction, length and decoded fields. */
final class MessageAttributes {

    // Keys made once: a key built per event costs a string concatenation and a new key object
    // whose hash code is computed anew each time.
    private static final AttributeKey<String> DECODE_ERROR = stringKey("decode_error");
    private static final AttributeKey<String> SERVER_NAME = stringKey("server_name");
    private static final AttributeKey<List<String>> CIPHER_SUITES = stringArrayKey("cipher_suites");
    private static final AttributeKey<List<String>> SUPPORTED_VERSIONS = stringArrayKey("supported_versions");
    private static final AttributeKey<List<String>> SUPPORTED_GROUPS = stringArrayKey("supported_groups");
    private static final AttributeKey<List<String>> KEY_SHARE_GROUPS = stringArrayKey("key_share_groups");
    private static final AttributeKey<List<String>> SIGNATURE_ALGORITHMS = stringArrayKey("signature_algorithms");
    /** What the client offered; the other messages carry the one protocol chosen, under the same name. */
    private static final AttributeKey<List<String>> ALPN_OFFERED = stringArrayKey("alpn");
    private static final AttributeKey<String> ALPN = stringKey("alpn");
    private static final AttributeKey<Long> SESSION_ID_LENGTH = longKey("session_id_length");
    private static final AttributeKey<List<String>> EXTENSIONS = stringArrayKey("extensions");
    private static final AttributeKey<String> VERSION = stringKey("version");
    private static final AttributeKey<String> CIPHER_SUITE = stringKey("cipher_suite");
    private static final AttributeKey<String> GROUP = stringKey("group");
    private static final AttributeKey<Long> CERTIFICATE_COUNT = longKey("certificate_count");
    private static final AttributeKey<Long> CERTIFICATE_AUTHORITIES = longKey("certificate_authorities");
    private static final AttributeKey<String> SIGNATURE_SCHEME = stringKey("signature_scheme");
    private static final AttributeKey<Long> LIFETIME = longKey("lifetime_s");
    private static final AttributeKey<Boolean> UPDATE_REQUESTED = AttributeKey.booleanKey("tlslens.message.update_requested");
    private static final AttributeKey<String> ALERT_LEVEL = AttributeKey.stringKey("tlslens.alert.level");
    private static final AttributeKey<String> ALERT_DESCRIPTION = AttributeKey.stringKey("tlslens.alert.description");

    private MessageAttributes() {
    }

    static Attributes of(RecordedMessage message) {
        AttributesBuilder builder = Attributes.builder()
                .put(TlsAttributes.DIRECTION, message.direction().attributeValue())
                .put(TlsAttributes.MESSAGE_LENGTH, message.length());
        if (message.decodeError() != null) {
            builder.put(DECODE_ERROR, message.decodeError());
        }
        Object decoded = message.decoded();
        if (decoded instanceof ClientHello) {
            clientHello(builder, (ClientHello) decoded);
        } else if (decoded instanceof ServerHello) {
            serverHello(builder, (ServerHello) decoded);
        } else if (decoded instanceof EncryptedExtensions) {
            EncryptedExtensions extensions = (EncryptedExtensions) decoded;
            extensions.alpnProtocol().ifPresent(alpn -> builder.put(ALPN, alpn));
            builder.put(EXTENSIONS, extensionNames(extensions.extensions()));
        } else if (decoded instanceof Certificate) {
            Certificate certificate = (Certificate) decoded;
            builder.put(CERTIFICATE_COUNT, (long) certificate.entries().size());
        } else if (decoded instanceof CertificateRequest) {
            CertificateRequest request = (CertificateRequest) decoded;
            builder.put(SIGNATURE_ALGORITHMS, names(request.signatureAlgorithms(), SignatureScheme::name));
            builder.put(CERTIFICATE_AUTHORITIES, (long) request.certificateAuthorities().size());
        } else if (decoded instanceof CertificateVerify) {
            ((CertificateVerify) decoded).signatureScheme()
                    .ifPresent(scheme -> builder.put(SIGNATURE_SCHEME, SignatureScheme.name(scheme)));
        } else if (decoded instanceof ServerKeyExchange) {
            ServerKeyExchange exchange = (ServerKeyExchange) decoded;
            exchange.namedGroup().ifPresent(group -> builder.put(GROUP, NamedGroup.name(group)));
            exchange.signatureScheme().ifPresent(scheme -> builder.put(SIGNATURE_SCHEME, SignatureScheme.name(scheme)));
        } else if (decoded instanceof NewSessionTicket) {
            builder.put(LIFETIME, ((NewSessionTicket) decoded).lifetimeSeconds());
        } else if (decoded instanceof KeyUpdate) {
            builder.put(UPDATE_REQUESTED, ((KeyUpdate) decoded).updateRequested());
        } else if (decoded instanceof Alert) {
            Alert alert = (Alert) decoded;
            builder.put(ALERT_LEVEL, AlertLevel.name(alert.level()));
            builder.put(ALERT_DESCRIPTION, AlertDescription.name(alert.description()));
        }
        return builder.build();
    }

    private static void clientHello(AttributesBuilder builder, ClientHello hello) {
        hello.serverName().ifPresent(name -> builder.put(SERVER_NAME, name));
        builder.put(CIPHER_SUITES, names(hello.cipherSuites(), CipherSuite::name));
        if (!hello.supportedVersions().isEmpty()) {
            builder.put(SUPPORTED_VERSIONS, names(hello.supportedVersions(), ProtocolVersion::name));
        }
        builder.put(SUPPORTED_GROUPS, names(hello.supportedGroups(), NamedGroup::name));
        builder.put(KEY_SHARE_GROUPS, names(hello.keyShareGroups(), NamedGroup::name));
        builder.put(SIGNATURE_ALGORITHMS, names(hello.signatureAlgorithms(), SignatureScheme::name));
        if (!hello.alpnProtocols().isEmpty()) {
            builder.put(ALPN_OFFERED, hello.alpnProtocols());
        }
        builder.put(SESSION_ID_LENGTH, (long) hello.sessionId().length);
        builder.put(EXTENSIONS, extensionNames(hello.extensions()));
    }

    private static void serverHello(AttributesBuilder builder, ServerHello hello) {
        builder.put(VERSION, ProtocolVersion.name(hello.selectedVersion()));
        builder.put(CIPHER_SUITE, CipherSuite.name(hello.cipherSuite()));
        hello.keyShareGroup().ifPresent(group -> builder.put(GROUP, NamedGroup.name(group)));
        hello.alpnProtocol().ifPresent(alpn -> builder.put(ALPN, alpn));
        builder.put(SESSION_ID_LENGTH, (long) hello.sessionId().length);
        builder.put(EXTENSIONS, extensionNames(hello.extensions()));
    }

    private static List<String> extensionNames(List<? extends Extension> extensions) {
        String[] names = new String[extensions.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = ExtensionType.name(extensions.get(i).type());
        }
        return Arrays.asList(names);
    }

    private static List<String> names(List<Integer> codes, IntFunction<String> registry) {
        return Arrays.asList(RegistryNames.names(codes, registry));
    }

    private static AttributeKey<String> stringKey(String name) {
        return AttributeKey.stringKey("tlslens.message." + name);
    }

    private static AttributeKey<List<String>> stringArrayKey(String name) {
        return AttributeKey.stringArrayKey("tlslens.message." + name);
    }

    private static AttributeKey<Long> longKey(String name) {
        return AttributeKey.longKey("tlslens.message." + name);
    }
}
