package io.tlslens.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.tlslens.agent.diagnosis.Diagnosis;
import io.tlslens.agent.fingerprint.ClientHelloFingerprints;
import io.tlslens.agent.record.EpochClock;
import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.HandshakeSummary;
import io.tlslens.agent.record.RegistryNames;
import io.tlslens.agent.record.Peer;
import io.tlslens.agent.record.Role;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.SignatureScheme;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Turns each {@link HandshakeRecord} into one span, as the telemetry contract says. */
final class SpanWriter {

    /** Compiled once: {@code String.matches} compiles its pattern on every call. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Tracer tracer;
    private final EpochClock clock;

    SpanWriter(Tracer tracer, EpochClock clock) {
        this.tracer = tracer;
        this.clock = clock;
    }

    public static String spanName(Role role, boolean postHandshake) {
        return "TLS " + (role == null ? "unknown" : role.attributeValue())
                + (postHandshake ? " post-handshake" : " handshake");
    }

    /** @param diagnosis why the handshake failed; {@code null} when it was established */
    void write(HandshakeSummary summary, Diagnosis diagnosis) {
        HandshakeRecord record = summary.record();
        SpanBuilder builder = tracer.spanBuilder(spanName(record.role(), record.isPostHandshake()))
                .setNoParent()
                .setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(clock.toEpochNanos(record.startNanos()), TimeUnit.NANOSECONDS)
                .setAttribute(TlsAttributes.PROTOCOL_NAME, "tls")
                .setAttribute(TlsAttributes.STACK, record.stack())
                .setAttribute(TlsAttributes.ESTABLISHED, record.established());
        if (record.role() != null) {
            builder.setAttribute(TlsAttributes.ROLE, record.role().attributeValue());
        }
        if (record.isPostHandshake()) {
            builder.setAttribute(TlsAttributes.POST_HANDSHAKE, true);
        }
        if (record.certificateCheckNanos() > 0) {
            builder.setAttribute(TlsAttributes.CERTIFICATE_CHECK_DURATION, record.certificateCheckNanos() / 1e9);
        }
        if (record.keySelectionNanos() > 0) {
            builder.setAttribute(TlsAttributes.KEY_SELECTION_DURATION, record.keySelectionNanos() / 1e9);
        }
        negotiated(builder, summary);
        offered(builder, summary);
        endpoints(builder, record, summary);
        certificates(builder, summary.serverChain(), TlsAttributes.CertificateKeys.SERVER);
        certificates(builder, summary.clientChain(), TlsAttributes.CertificateKeys.CLIENT);

        Span span = builder.startSpan();
        SpanEvents.add(span, record, clock);
        if (diagnosis != null) {
            failed(span, diagnosis, record.failure());
        }
        span.end(clock.toEpochNanos(record.endNanos()), TimeUnit.NANOSECONDS);
    }

    private static void negotiated(SpanBuilder builder, HandshakeSummary summary) {
        summary.version().ifPresent(version ->
                builder.setAttribute(TlsAttributes.PROTOCOL_VERSION, ProtocolVersion.shortVersion(version)));
        summary.cipherSuite().ifPresent(suite -> builder.setAttribute(TlsAttributes.CIPHER, CipherSuite.name(suite)));
        summary.group().ifPresent(group -> builder.setAttribute(TlsAttributes.CURVE, NamedGroup.name(group)));
        summary.applicationProtocol().ifPresent(alpn -> builder.setAttribute(TlsAttributes.NEXT_PROTOCOL, alpn));
        summary.signatureScheme().ifPresent(scheme ->
                builder.setAttribute(TlsAttributes.SIGNATURE_SCHEME, SignatureScheme.name(scheme)));
        if (summary.record().established() && !summary.record().isPostHandshake()) {
            builder.setAttribute(TlsAttributes.RESUMED, summary.resumed());
        }
        builder.setAttribute(TlsAttributes.HELLO_RETRY, summary.helloRetry());
    }

    private static void offered(SpanBuilder builder, HandshakeSummary summary) {
        if (summary.clientHello().isEmpty()) {
            return;
        }
        ClientHello hello = summary.clientHello().get();
        builder.setAttribute(TlsAttributes.CLIENT_SUPPORTED_CIPHERS,
                Arrays.asList(RegistryNames.names(hello.cipherSuites(), CipherSuite::name)));
        List<Integer> versions = hello.supportedVersions().isEmpty()
                ? List.of(hello.legacyVersion()) : hello.supportedVersions();
        builder.setAttribute(TlsAttributes.CLIENT_VERSIONS,
                Arrays.asList(RegistryNames.names(versions, ProtocolVersion::shortVersion)));
        builder.setAttribute(TlsAttributes.CLIENT_GROUPS,
                Arrays.asList(RegistryNames.names(hello.supportedGroups(), NamedGroup::name)));
        builder.setAttribute(TlsAttributes.CLIENT_KEY_SHARE_GROUPS,
                Arrays.asList(RegistryNames.names(hello.keyShareGroups(), NamedGroup::name)));
        builder.setAttribute(TlsAttributes.CLIENT_SIGNATURE_ALGORITHMS,
                Arrays.asList(RegistryNames.names(hello.signatureAlgorithms(), SignatureScheme::name)));
        if (!hello.alpnProtocols().isEmpty()) {
            builder.setAttribute(TlsAttributes.CLIENT_ALPN, hello.alpnProtocols());
        }
        ClientHelloFingerprints fingerprints = ClientHelloFingerprints.of(hello);
        builder.setAttribute(TlsAttributes.CLIENT_JA4, fingerprints.ja4());
        if (fingerprints.ja3Hash() != null) {
            builder.setAttribute(TlsAttributes.CLIENT_JA3, fingerprints.ja3Hash());
        }
    }

    private static void endpoints(SpanBuilder builder, HandshakeRecord record, HandshakeSummary summary) {
        Peer peer = record.peer();
        String peerAddress = peer.address() != null ? peer.address() : ipLiteralOrNull(peer.host());
        if (peerAddress != null) {
            builder.setAttribute(TlsAttributes.PEER_ADDRESS, peerAddress);
        }
        if (peer.port() > 0) {
            builder.setAttribute(TlsAttributes.PEER_PORT, (long) peer.port());
        }
        String serverAddress = summary.serverName()
                .orElse(record.role() == Role.CLIENT ? (peer.host() != null ? peer.host() : peerAddress) : null);
        if (serverAddress != null) {
            builder.setAttribute(TlsAttributes.SERVER_ADDRESS, serverAddress);
        }
        int serverPort = record.role() == Role.CLIENT ? peer.port() : peer.localPort();
        if (serverPort > 0) {
            builder.setAttribute(TlsAttributes.SERVER_PORT, (long) serverPort);
        }
    }

    private static void certificates(SpanBuilder builder, List<X509Certificate> chain,
                                     TlsAttributes.CertificateKeys keys) {
        if (chain.isEmpty()) {
            return;
        }
        CertificateFacts leaf = CertificateFacts.of(chain.get(0));
        builder.setAttribute(keys.subject, leaf.subject);
        builder.setAttribute(keys.issuer, leaf.issuer);
        builder.setAttribute(keys.notBefore, leaf.notBefore);
        builder.setAttribute(keys.notAfter, leaf.notAfter);
        if (leaf.sha256 != null) {
            builder.setAttribute(keys.sha256, leaf.sha256);
        }
    }

    private static void failed(Span span, Diagnosis diagnosis, Failure failure) {
        span.setStatus(StatusCode.ERROR, diagnosis.detail());
        span.setAttribute(TlsAttributes.ERROR_TYPE, diagnosis.errorType());
        span.setAttribute(TlsAttributes.FAILURE_SIDE, diagnosis.side().attributeValue());
        setIfPresent(span, TlsAttributes.FAILURE_ALERT, diagnosis.alert());
        setIfPresent(span, TlsAttributes.FAILURE_DETAIL, diagnosis.detail());
        setIfPresent(span, TlsAttributes.FAILURE_HINT, diagnosis.hint());
        Throwable cause = failure.cause();
        if (cause != null) {
            span.setAttribute(TlsAttributes.FAILURE_EXCEPTION, cause.toString());
        }
    }

    private static void setIfPresent(Span span, AttributeKey<String> key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }

    /** Only a literal IPv4/IPv6 address; a host name is never resolved here. */
    private static String ipLiteralOrNull(String host) {
        if (host == null) {
            return null;
        }
        boolean ipv4 = IPV4.matcher(host).matches();
        return ipv4 || host.indexOf(':') >= 0 ? host : null;
    }
}
