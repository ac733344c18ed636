package io.tlslens.agent.export;

import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.tlslens.agent.diagnosis.Diagnoser;
import io.tlslens.agent.diagnosis.Diagnosis;
import io.tlslens.agent.diagnosis.ErrorType;
import io.tlslens.agent.record.Direction;
import io.tlslens.agent.record.EpochClock;
import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.HandshakeRecorder;
import io.tlslens.agent.record.HandshakeSummary;
import io.tlslens.agent.record.Peer;
import io.tlslens.agent.record.RecordedMessage;
import io.tlslens.agent.record.Role;
import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlertLevel;
import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateVerify;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ClientKeyExchange;
import io.tlslens.wire.EcPointFormat;
import io.tlslens.wire.EcPointFormatsExtension;
import io.tlslens.wire.EncryptedExtensions;
import io.tlslens.wire.ExtendedMasterSecretExtension;
import io.tlslens.wire.Extension;
import io.tlslens.wire.Finished;
import io.tlslens.wire.KeyShareExtension;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.NewSessionTicket;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.PskKeyExchangeMode;
import io.tlslens.wire.PskKeyExchangeModesExtension;
import io.tlslens.wire.RenegotiationInfoExtension;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.ServerHelloDone;
import io.tlslens.wire.ServerKeyExchange;
import io.tlslens.wire.ServerNameExtension;
import io.tlslens.wire.SessionTicketExtension;
import io.tlslens.wire.SignatureAlgorithmsCertExtension;
import io.tlslens.wire.SignatureAlgorithmsExtension;
import io.tlslens.wire.SignatureScheme;
import io.tlslens.wire.StatusRequestExtension;
import io.tlslens.wire.SupportedGroupsExtension;
import io.tlslens.wire.SupportedVersionsExtension;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLHandshakeException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the recorder thread spends on one finished handshake, split the way {@link HandshakeExporter#accept} does it:
 * reading the record ({@code summaryOnly}), the span ({@code span}), the metrics ({@code metrics}), and all of it
 * with diagnosis ({@code exporter}). {@code span} and {@code metrics} take the summary (and, for a failure, the
 * diagnosis) made once in setup, so each measures its writer alone; {@code exporter} makes them every time.
 *
 * <p>The records are what {@link HandshakeRecorder} makes of real messages encoded with the wire codec: the flights
 * a SunJSSE (JDK 17) client exchanges with a SunJSSE server, with the examples' PKI certificates. The OpenTelemetry
 * SDK is set up as in production, with exporters that discard: spans go through a {@link BatchSpanProcessor} (its
 * worker thread takes them off the queue, as it would for OTLP), metrics are aggregated for a
 * {@link PeriodicMetricReader} that never fires during a run.
 *
 * <p>Every invocation writes the same handshake, so what the exporter caches per certificate
 * ({@link CertificateFacts}) and per kind of ClientHello (its JA3 and JA4) is found in the cache, as it is in a
 * service that sees the same few chains and client libraries; the first invocation, in warm-up, fills it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExportBenchmark {

    private static final String VERSION = "benchmark";
    private static final String SCOPE = "io.tlslens";

    /** One recorded handshake, with what the writers take as input. */
    @State(Scope.Thread)
    public static class Records {
        /** TLS13, TLS12: established full handshakes as a client; FAILED: a TLS 1.3 client rejecting the chain. */
        @Param({"TLS13", "TLS12", "FAILED"})
        public String kind;

        HandshakeRecord record;
        HandshakeSummary summary;
        /** {@code null} for an established handshake, as {@link HandshakeExporter#accept} passes it. */
        Diagnosis diagnosis;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException {
            Pki pki = new Pki(KeyType.EC_P256);
            switch (kind) {
                case "TLS13":
                    record = Handshakes.tls13(pki.server());
                    break;
                case "TLS12":
                    record = Handshakes.tls12(pki.server());
                    break;
                case "FAILED":
                    record = Handshakes.untrusted13(pki.unknownCaServer());
                    break;
                default:
                    throw new IllegalArgumentException(kind);
            }
            summary = HandshakeSummary.of(record);
            diagnosis = record.established() ? null : Diagnoser.diagnose(summary);
            Handshakes.check(kind, record, summary, diagnosis);
        }
    }

    /** A {@link SpanWriter} on an SDK whose spans are batched, then discarded. */
    @State(Scope.Thread)
    public static class Spans {
        final DiscardingSpanExporter spanExporter = new DiscardingSpanExporter();
        SdkTracerProvider tracerProvider;
        SpanWriter writer;
        long written;

        @Setup(Level.Trial)
        public void setUp() {
            tracerProvider = tracerProvider(spanExporter);
            writer = new SpanWriter(tracer(tracerProvider), new EpochClock());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            report(tracerProvider, spanExporter, written);
        }
    }

    /** {@link HandshakeMetrics} on an SDK whose reader would export every hour, to an exporter that discards. */
    @State(Scope.Thread)
    public static class Metrics {
        SdkMeterProvider meterProvider;
        HandshakeMetrics metrics;

        @Setup(Level.Trial)
        public void setUp() {
            meterProvider = meterProvider();
            metrics = new HandshakeMetrics(meter(meterProvider));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            meterProvider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    /** The agent's {@link HandshakeExporter}, spans and metrics, without the console. */
    @State(Scope.Thread)
    public static class Exporter {
        final DiscardingSpanExporter spanExporter = new DiscardingSpanExporter();
        SdkTracerProvider tracerProvider;
        SdkMeterProvider meterProvider;
        HandshakeExporter exporter;
        long written;

        @Setup(Level.Trial)
        public void setUp() {
            tracerProvider = tracerProvider(spanExporter);
            meterProvider = meterProvider();
            exporter = new HandshakeExporter(tracer(tracerProvider), meter(meterProvider), new EpochClock(), null);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            report(tracerProvider, spanExporter, written);
            meterProvider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    /** The summary and every fact of it the span and the metrics read. */
    @Benchmark
    public void summaryOnly(Records records, Blackhole blackhole) {
        HandshakeSummary summary = HandshakeSummary.of(records.record);
        blackhole.consume(summary.version());
        blackhole.consume(summary.cipherSuite());
        blackhole.consume(summary.group());
        blackhole.consume(summary.applicationProtocol());
        blackhole.consume(summary.signatureScheme());
        blackhole.consume(summary.resumed());
        blackhole.consume(summary.helloRetry());
        blackhole.consume(summary.clientHello());
        blackhole.consume(summary.serverName());
        blackhole.consume(summary.serverChain());
        blackhole.consume(summary.clientChain());
    }

    @Benchmark
    public void span(Records records, Spans spans) {
        spans.writer.write(records.summary, records.diagnosis);
        spans.written++;
    }

    @Benchmark
    public void metrics(Records records, Metrics metrics) {
        metrics.metrics.record(records.summary, records.diagnosis);
    }

    @Benchmark
    public void exporter(Records records, Exporter exporter) {
        exporter.exporter.accept(records.record);
        exporter.written++;
    }

    // ----- the SDK -----

    static SdkTracerProvider tracerProvider(SpanExporter exporter) {
        // The processor's defaults, as autoconfiguration builds it for an OTLP exporter.
        return SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build();
    }

    static Tracer tracer(SdkTracerProvider provider) {
        return provider.tracerBuilder(SCOPE).setInstrumentationVersion(VERSION).build();
    }

    static SdkMeterProvider meterProvider() {
        return SdkMeterProvider.builder()
                .registerMetricReader(PeriodicMetricReader.builder(new DiscardingMetricExporter())
                        .setInterval(Duration.ofHours(1)).build())
                .build();
    }

    static Meter meter(SdkMeterProvider provider) {
        return provider.meterBuilder(SCOPE).setInstrumentationVersion(VERSION).build();
    }

    /** Flushes, shuts down, and says whether the batch processor kept up (a dropped span costs less than a queued one). */
    static void report(SdkTracerProvider provider, DiscardingSpanExporter exporter, long written) {
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        provider.shutdown().join(10, TimeUnit.SECONDS);
        long exported = exporter.exported.sum();
        System.out.printf("%n[spans written %d, exported %d, dropped by the batch processor %d]%n",
                written, exported, written - exported);
    }

    /** Counts what it is given and sends it nowhere. */
    static final class DiscardingSpanExporter implements SpanExporter {
        final LongAdder exported = new LongAdder();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.add(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    static final class DiscardingMetricExporter implements MetricExporter {
        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    // ----- the handshakes -----

    /**
     * Handshakes as a JDK 17 SunJSSE client records them: its default offer (cipher suites, groups, signature
     * schemes, extensions in its order) to a SunJSSE server with an ECDSA P-256 certificate, through the public
     * {@link HandshakeRecorder}. Key shares, signatures and Finished values are random bytes of the real sizes.
     */
    static final class Handshakes {
        private static final String HOST = "localhost";
        private static final Peer PEER = new Peer(HOST, "127.0.0.1", 8443, 51234);
        private static final long STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(150);

        /** SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites() on JDK 17, in its order. */
        static final List<Integer> JDK_SUITES = codes(CipherSuite.class,
                "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
                "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
                "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
                "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
        static final List<Integer> JDK_GROUPS = codes(NamedGroup.class,
                "x25519", "secp256r1", "secp384r1", "secp521r1", "x448",
                "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192");
        static final List<Integer> JDK_SCHEMES = codes(SignatureScheme.class,
                "ecdsa_secp256r1_sha256", "ecdsa_secp384r1_sha384", "ecdsa_secp521r1_sha512", "ed25519", "ed448",
                "rsa_pss_rsae_sha256", "rsa_pss_rsae_sha384", "rsa_pss_rsae_sha512",
                "rsa_pss_pss_sha256", "rsa_pss_pss_sha384", "rsa_pss_pss_sha512",
                "rsa_pkcs1_sha256", "rsa_pkcs1_sha384", "rsa_pkcs1_sha512", "dsa_sha256",
                "ecdsa_sha224", "rsa_sha224", "dsa_sha224", "ecdsa_sha1", "rsa_pkcs1_sha1", "dsa_sha1");

        private final Random random = new Random(443);
        private final HandshakeRecorder recorder = new HandshakeRecorder("jsse");
        private long now = System.nanoTime();

        private Handshakes() {
        }

        /** A full TLS 1.3 handshake, ALPN h2, ending with the client's Finished. */
        static HandshakeRecord tls13(Credential server) {
            Handshakes h = new Handshakes();
            h.serverFlight13(server.chain());
            h.sent(RecordedMessage.CHANGE_CIPHER_SPEC, new byte[] {1});
            h.sent(RecordedMessage.HANDSHAKE, new Finished(h.bytes(48)).encode());
            return h.recorder.completed(h.tick(), PEER, server.chain(), List.of());
        }

        /** A TLS 1.3 client that rejects the server's chain (issued by a CA it does not trust), as SunJSSE reports it. */
        static HandshakeRecord untrusted13(Credential server) {
            Handshakes h = new Handshakes();
            h.serverFlight13(server.chain());
            h.sent(RecordedMessage.ALERT, new Alert(AlertLevel.fatal, AlertDescription.certificate_unknown).encode());
            String message = "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: "
                    + "unable to find valid certification path to requested target";
            // SSLHandshakeException <- ValidatorException (a CertificateException) <- SunCertPathBuilderException
            // (a CertPathBuilderException); the JDK's own classes are not exported, so their public supertypes stand in.
            SSLHandshakeException cause = new SSLHandshakeException(message);
            cause.initCause(new CertificateException(message,
                    new CertPathBuilderException("unable to find valid certification path to requested target")));
            Failure failure = new Failure(Failure.Origin.LOCAL_ERROR, AlertDescription.certificate_unknown, message,
                    cause);
            return h.recorder.failed(h.tick(), failure, PEER, Role.CLIENT, List.of());
        }

        /** A full TLS 1.2 ECDHE-ECDSA handshake with extended master secret, ALPN h2 and a session ticket. */
        static HandshakeRecord tls12(Credential server) {
            Handshakes h = new Handshakes();
            List<Integer> suites12 = JDK_SUITES.subList(3, JDK_SUITES.size());
            h.sent(RecordedMessage.HANDSHAKE, new ClientHello(ProtocolVersion.TLSv1_2, h.bytes(32), new byte[0],
                    suites12, List.of(0), h.clientExtensions(false)).encode());
            h.received(RecordedMessage.HANDSHAKE, new ServerHello(ProtocolVersion.TLSv1_2, h.bytes(32), h.bytes(32),
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, 0, List.of(
                            new RenegotiationInfoExtension(new byte[0]),
                            new EcPointFormatsExtension(List.of(EcPointFormat.uncompressed)),
                            new ExtendedMasterSecretExtension(),
                            new SessionTicketExtension(new byte[0]),
                            AlpnExtension.of("h2"))).encode());
            h.received(RecordedMessage.HANDSHAKE, Certificate.tls12(der(server.chain())).encode());
            h.received(RecordedMessage.HANDSHAKE, ServerKeyExchange.ecdhe(NamedGroup.x25519, h.bytes(32),
                    SignatureScheme.ecdsa_secp256r1_sha256, h.bytes(71)).encode());
            h.received(RecordedMessage.HANDSHAKE, new ServerHelloDone().encode());
            h.sent(RecordedMessage.HANDSHAKE, ClientKeyExchange.ecdhe(h.bytes(32)).encode());
            h.sent(RecordedMessage.CHANGE_CIPHER_SPEC, new byte[] {1});
            h.sent(RecordedMessage.HANDSHAKE, new Finished(h.bytes(12)).encode());
            h.received(RecordedMessage.HANDSHAKE, NewSessionTicket.tls12(86_400, h.bytes(160)).encode());
            h.received(RecordedMessage.CHANGE_CIPHER_SPEC, new byte[] {1});
            h.received(RecordedMessage.HANDSHAKE, new Finished(h.bytes(12)).encode());
            return h.recorder.completed(h.tick(), PEER, server.chain(), List.of());
        }

        /** ClientHello to the server's Finished, with the middlebox-compatibility ChangeCipherSpec. */
        private void serverFlight13(List<X509Certificate> chain) {
            sent(RecordedMessage.HANDSHAKE, new ClientHello(ProtocolVersion.TLSv1_2, bytes(32), bytes(32), JDK_SUITES,
                    List.of(0), clientExtensions(true)).encode());
            received(RecordedMessage.HANDSHAKE, new ServerHello(ProtocolVersion.TLSv1_2, bytes(32), bytes(32),
                    CipherSuite.TLS_AES_256_GCM_SHA384, 0, List.of(
                            SupportedVersionsExtension.selected(ProtocolVersion.TLSv1_3),
                            KeyShareExtension.serverShare(
                                    new KeyShareExtension.KeyShareEntry(NamedGroup.x25519, bytes(32))))).encode());
            received(RecordedMessage.CHANGE_CIPHER_SPEC, new byte[] {1});
            received(RecordedMessage.HANDSHAKE, new EncryptedExtensions(List.of(
                    ServerNameExtension.acknowledgement(), AlpnExtension.of("h2"))).encode());
            List<Certificate.Entry> entries = new ArrayList<>();
            for (byte[] der : der(chain)) {
                entries.add(new Certificate.Entry(der, List.of()));
            }
            received(RecordedMessage.HANDSHAKE, Certificate.tls13(new byte[0], entries).encode());
            received(RecordedMessage.HANDSHAKE,
                    CertificateVerify.of(SignatureScheme.ecdsa_secp256r1_sha256, bytes(71)).encode());
            received(RecordedMessage.HANDSHAKE, new Finished(bytes(48)).encode());
        }

        /** SunJSSE's ClientHello extensions, in its order; {@code tls13} adds the TLS 1.3 ones. */
        private List<Extension> clientExtensions(boolean tls13) {
            List<Extension> extensions = new ArrayList<>();
            extensions.add(ServerNameExtension.hostName(HOST));
            extensions.add(StatusRequestExtension.ocspRequest());
            extensions.add(new SupportedGroupsExtension(JDK_GROUPS));
            extensions.add(new EcPointFormatsExtension(List.of(EcPointFormat.uncompressed)));
            extensions.add(new SignatureAlgorithmsExtension(JDK_SCHEMES));
            extensions.add(new SignatureAlgorithmsCertExtension(JDK_SCHEMES));
            extensions.add(AlpnExtension.of("h2", "http/1.1"));
            extensions.add(new ExtendedMasterSecretExtension());
            extensions.add(new SessionTicketExtension(new byte[0]));
            if (tls13) {
                extensions.add(SupportedVersionsExtension.offered(List.of(ProtocolVersion.TLSv1_3,
                        ProtocolVersion.TLSv1_2)));
                extensions.add(new PskKeyExchangeModesExtension(List.of(PskKeyExchangeMode.psk_dhe_ke)));
                extensions.add(KeyShareExtension.clientShares(List.of(
                        new KeyShareExtension.KeyShareEntry(NamedGroup.x25519, bytes(32)))));
            }
            extensions.add(new RenegotiationInfoExtension(new byte[0]));
            return extensions;
        }

        private void sent(int contentType, byte[] bytes) {
            feed(Direction.SENT, contentType, bytes);
        }

        private void received(int contentType, byte[] bytes) {
            feed(Direction.RECEIVED, contentType, bytes);
        }

        private void feed(Direction direction, int contentType, byte[] bytes) {
            if (recorder.message(direction, tick(), contentType, bytes, bytes.length) != null) {
                throw new IllegalStateException("a post-handshake record in the middle of a handshake");
            }
        }

        private long tick() {
            now += STEP_NANOS;
            return now;
        }

        private byte[] bytes(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }

        private static List<byte[]> der(List<X509Certificate> chain) {
            List<byte[]> out = new ArrayList<>();
            for (X509Certificate certificate : chain) {
                try {
                    out.add(certificate.getEncoded());
                } catch (CertificateEncodingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }

        /** Registry codes by their IANA names, which are the constants' names (and the JDK's spelling). */
        private static List<Integer> codes(Class<?> registry, String... names) {
            List<Integer> codes = new ArrayList<>();
            for (String name : names) {
                try {
                    codes.add(registry.getField(name).getInt(null));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(registry.getSimpleName() + " has no " + name, e);
                }
            }
            return List.copyOf(codes);
        }

        /** Fails the trial when a record is not what its name says: every message decoded, the facts as negotiated. */
        static void check(String kind, HandshakeRecord record, HandshakeSummary summary, Diagnosis diagnosis) {
            List<String> problems = new ArrayList<>();
            for (RecordedMessage message : record.messages()) {
                if (message.decodeError() != null) {
                    problems.add(message + ": " + message.decodeError());
                }
            }
            int expectedVersion = kind.equals("TLS12") ? ProtocolVersion.TLSv1_2 : ProtocolVersion.TLSv1_3;
            if (summary.version().orElse(-1) != expectedVersion) {
                problems.add("version " + summary.version());
            }
            if (summary.serverChain().isEmpty() || summary.clientHello().isEmpty() || summary.group().isEmpty()
                    || summary.signatureScheme().isEmpty() || summary.applicationProtocol().isEmpty()) {
                problems.add("summary incomplete");
            }
            if (kind.equals("FAILED") != (diagnosis != null)) {
                problems.add("established " + record.established());
            } else if (diagnosis != null && !diagnosis.errorType().equals(ErrorType.UNTRUSTED_CERTIFICATE)) {
                problems.add("diagnosed " + diagnosis.errorType() + ": " + diagnosis.detail());
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(kind + " record: " + problems);
            }
        }
    }
}
