package io.tlslens.agent.reference;

import static io.tlslens.agent.testing.Spans.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.tlslens.agent.testing.AgentCli;
import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdk;
import io.tlslens.agent.testing.Keystores;
import io.tlslens.agent.testing.OtlpHttpReceiver;
import io.tlslens.agent.testing.Spans;
import io.tlslens.agent.testing.TestPaths;
import io.tlslens.agent.testing.apps.LateContextApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code attach PID stack=reference} on a running JVM: SSLContexts it makes from then on run on
 * the reference stack and are recorded, the application is warned that older ones keep SunJSSE,
 * and after {@code detach} new contexts come from SunJSSE again.
 */
class ReferenceAttachIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> HANDSHAKE_SPANS = Set.of("TLS client handshake", "TLS server handshake");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void attachSwapsTheStackForNewContextsAndDetachGivesSunJsseBack(Jdk jdk, TestInfo testInfo) throws Exception {
        Path dir = Files.createDirectories(TestPaths.targetDir().resolve("reference-attach-it")
                .resolve("java" + jdk.featureVersion()));
        Files.deleteIfExists(dir.resolve("request-1")); // left by an earlier run that was killed
        Files.deleteIfExists(dir.resolve("request-2"));
        Path keystore = Keystores.selfSigned(jdk, dir, 30);
        AgentCli cli = AgentCli.on(jdk, "ReferenceAttachIT.jdk" + jdk.featureVersion());
        ChildJvm.Builder builder = ChildJvm.builder(testInfo).jdk(jdk).withoutAgent()
                .systemProperty("javax.net.ssl.keyStore", keystore.toString())
                .systemProperty("javax.net.ssl.keyStorePassword", Keystores.PASSWORD)
                .systemProperty("javax.net.ssl.trustStore", keystore.toString())
                .systemProperty("javax.net.ssl.trustStorePassword", Keystores.PASSWORD)
                .env("OTEL_BSP_SCHEDULE_DELAY", "100")
                .mainClass(LateContextApp.class).args(dir.toString());
        if (jdk.featureVersion() >= 21) {
            builder.jvmArgs("-XX:+EnableDynamicAgentLoading");
        }
        try (OtlpHttpReceiver receiver = OtlpHttpReceiver.start();
                ChildJvm app = builder.env(receiver.exporterEnvironment()).start()) {
            assertEquals("ready SunJSSE", app.awaitStdoutLine(line -> line.startsWith("ready "), WAIT));

            AgentCli.Result attach = cli.run("attach", Long.toString(app.pid()), "stack=reference");
            assertEquals(0, attach.exitCode, attach::toString);
            app.awaitStderrLine(line -> line.equals("[tlslens] WARNING: stack=reference: new SSLContexts use the "
                    + "TLSLens reference stack; the ones the application created before TLSLens was attached (and "
                    + "the HTTP clients built on them) keep SunJSSE"), WAIT);
            Files.createFile(dir.resolve("request-1"));
            assertEquals("request-1 default=TLSLens status=200",
                    app.awaitStdoutLine(line -> line.startsWith("request-1 "), WAIT));
            List<Span> spans = app.withOutputOnFailure(() -> receiver.awaitSpans(
                    span -> HANDSHAKE_SPANS.contains(span.getName()), 2, WAIT));
            for (Span span : spans) {
                assertEquals("reference", string(span, "tlslens.stack"), () -> Spans.describe(span));
                assertEquals(Boolean.TRUE, Spans.bool(span, "tls.established"), () -> Spans.describe(span));
            }

            AgentCli.Result detach = cli.run("detach", Long.toString(app.pid()));
            assertEquals(0, detach.exitCode, detach::toString);
            Files.createFile(dir.resolve("request-2"));
            assertEquals("request-2 default=SunJSSE status=200",
                    app.awaitStdoutLine(line -> line.startsWith("request-2 "), WAIT));
            assertTrue(receiver.spans().stream().noneMatch(span -> "jsse".equals(string(span, "tlslens.stack"))),
                    "nothing is recorded after detach");
        }
    }
}
