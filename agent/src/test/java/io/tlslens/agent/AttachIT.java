package io.tlslens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.tlslens.agent.testing.AgentCli;
import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdk;
import io.tlslens.agent.testing.Jdks;
import io.tlslens.agent.testing.OtlpHttpReceiver;
import io.tlslens.agent.testing.Spans;
import io.tlslens.agent.testing.TestPaths;
import io.tlslens.agent.testing.apps.AttachTargetApp;
import io.tlslens.agent.testing.apps.HangingApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code java -jar tlslens-agent.jar attach | status | detach} against a JVM started without the agent that serves TLS
 * (SSLServerSocket and SSLEngine) under a steady client load: spans arrive after attach, none after detach, no TLSLens
 * thread is left, a second attach records again, and the application never sees a failed handshake.
 */
class AttachIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration SPANS = Duration.ofSeconds(30);
    private static final Pattern TICK = Pattern.compile("tick handshakes=(\\d+) failures=(\\d+)");
    private static final String DYNAMIC_AGENT_WARNING = "A Java agent has been loaded dynamically";
    private static final List<String> HANDSHAKE_SPANS = List.of("TLS client handshake", "TLS server handshake");

    private final AtomicInteger threadRequests = new AtomicInteger();

    @ParameterizedTest
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void attachRecordsDetachLeavesNothingAndAttachWorksAgain(Jdk jdk, TestInfo testInfo) throws Exception {
        Path control = controlDir();
        String marker = "attach-it-" + UUID.randomUUID();
        AgentCli cli = AgentCli.on(jdk, "AttachIT.jdk" + jdk.featureVersion());
        try (OtlpHttpReceiver receiver = OtlpHttpReceiver.start();
                ChildJvm app = target(testInfo, jdk, receiver, control, marker, true)) {
            Matcher ports = Pattern.compile("ports socket=(\\d+) engine=(\\d+)")
                    .matcher(app.awaitStdoutLine(line -> line.startsWith("ports "), START));
            assertTrue(ports.matches());
            app.awaitStdoutLine(line -> line.startsWith("tick "), START);
            assertTrue(receiver.spans().isEmpty(), "spans before any attach");
            List<String> beforeAttach = threads(app, control);
            assertTrue(beforeAttach.stream().noneMatch(name -> name.startsWith("tlslens")), beforeAttach::toString);

            AgentCli.Result list = cli.run("list");
            assertEquals(0, list.exitCode, list::toString);
            String listed = Arrays.stream(list.stdout.split("\n")).filter(line -> line.contains(marker)).findFirst()
                    .orElseThrow(() -> new AssertionError("pid " + app.pid() + " not listed\n" + list));
            assertTrue(listed.startsWith(app.pid() + " "), listed);
            assertTrue(listed.contains(AttachTargetApp.class.getName()), listed);
            assertTrue(listed.matches("\\d+\\s+" + jdk.featureVersion() + "[.\\s].*"), listed);

            // 1. attach, by a substring of the command line
            AgentCli.Result attach = cli.run("attach", marker);
            assertEquals(0, attach.exitCode, attach::toString);
            assertTrue(attach.stdout.contains("attached: yes, pid " + app.pid()), attach::toString);
            assertFalse(attach.stdout.contains("EnableDynamicAgentLoading"), attach::toString); // it is enabled
            List<Span> first = app.withOutputOnFailure(() -> receiver.awaitSpans(
                    span -> HANDSHAKE_SPANS.contains(span.getName()), 20, SPANS));
            assertClientSpansTo(receiver, Integer.parseInt(ports.group(1)));
            assertClientSpansTo(receiver, Integer.parseInt(ports.group(2)));
            assertTrue(threads(app, control).contains("tlslens-recorder"));

            // attaching twice is harmless: it reports the first
            AgentCli.Result again = cli.run("attach", Long.toString(app.pid()), "console=on");
            assertEquals(0, again.exitCode, again::toString);
            assertTrue(again.stdout.contains("already attached"), again::toString);
            assertTrue(again.stdout.contains("options: (none)"), again::toString);

            AgentCli.Result status = cli.run("status", Long.toString(app.pid()));
            assertEquals(0, status.exitCode, status::toString);
            assertTrue(status.stdout.contains("attached: yes (attach, since "), status::toString);
            assertTrue(count(status, "handshakes recorded") > 0, status::toString);
            assertTrue(count(status, "spans exported") > 0, status::toString);
            assertEquals(0, count(status, "events dropped"), status::toString);

            // 2. detach: no more spans, no TLSLens thread
            AgentCli.Result detach = cli.run("detach", Long.toString(app.pid()));
            assertEquals(0, detach.exitCode, detach::toString);
            assertTrue(detach.stdout.contains("detached: yes; SunJSSE has its original bytecode again"),
                    detach::toString);
            assertTrue(count(detach, "spans exported") >= count(status, "spans exported"), detach::toString);
            Thread.sleep(300);
            int spansAtDetach = receiver.spans().size();
            long handshakesAtDetach = lastTick(app)[0];
            Thread.sleep(2_000);
            long handshakesSince = lastTick(app)[0] - handshakesAtDetach;
            assertTrue(handshakesSince >= 10, "the app kept handshaking: " + handshakesSince);
            assertEquals(spansAtDetach, receiver.spans().size(), "spans after detach, with " + handshakesSince
                    + " handshakes since");
            List<String> afterDetach = threads(app, control);
            List<String> left = afterDetach.stream().filter(name -> name.startsWith("tlslens"))
                    .collect(Collectors.toList());
            assertTrue(left.isEmpty(), "TLSLens threads after detach: " + left);
            // Of the threads the attach brought, only the JVM's attach listener and two of OkHttp's (the shaded
            // exporter's) remain; those two end by themselves after 60 s without work.
            List<String> others = new ArrayList<>(afterDetach);
            others.removeAll(beforeAttach);
            others.removeAll(List.of("Attach Listener", "OkHttp TaskRunner", "Okio Watchdog"));
            assertTrue(others.isEmpty(), "threads left after detach: " + others);
            AgentCli.Result detached = cli.run("status", Long.toString(app.pid()));
            assertEquals(0, detached.exitCode, detached::toString);
            assertTrue(detached.stdout.contains("attached: no"), detached::toString);

            // 3. attach again: spans again
            AgentCli.Result reattach = cli.run("attach", Long.toString(app.pid()));
            assertEquals(0, reattach.exitCode, reattach::toString);
            assertTrue(reattach.stdout.contains("attached: yes, pid " + app.pid()), reattach::toString);
            app.withOutputOnFailure(() -> receiver.awaitSpans(span -> true, spansAtDetach + 20, SPANS));

            // Every handshake span is whole: those in flight at attach time were skipped, not half-recorded.
            for (Span span : receiver.spans()) {
                if (HANDSHAKE_SPANS.contains(span.getName())) {
                    assertEquals(true, Spans.bool(span, "tls.established"), () -> Spans.describe(span));
                    assertEquals("ClientHello", Spans.eventNames(span).get(0), () -> Spans.describe(span));
                    assertTrue(Spans.eventNames(span).contains("Finished"), () -> Spans.describe(span));
                }
            }
            assertTrue(first.size() >= 20);
            AgentCli.Result last = cli.run("detach", Long.toString(app.pid()));
            assertEquals(0, last.exitCode, last::toString);
            assertEquals(0, lastTick(app)[1], () -> "the application saw failed handshakes\n" + app.describe());
            assertFalse(app.stdout().contains("FAILURE"), app::describe);
            if (jdk.featureVersion() >= 21) {
                assertFalse(app.stderr().contains(DYNAMIC_AGENT_WARNING), app::describe);
            }
        }
    }

    /** The JDKs that warn about a dynamically loaded agent (JDK 21+, JEP 451); CI has Temurin 25. */
    static Stream<Jdk> jdksThatWarn() {
        return Jdks.all().stream().filter(jdk -> jdk.featureVersion() >= 21);
    }

    /** JDK 21+ warns about a dynamically loaded agent unless the JVM runs with -XX:+EnableDynamicAgentLoading. */
    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("jdksThatWarn")
    void withoutEnableDynamicAgentLoadingJdk21WarnsOnAttach(Jdk jdk, TestInfo testInfo) throws Exception {
        Path control = controlDir();
        AgentCli cli = AgentCli.on(jdk, "AttachIT.warning.jdk" + jdk.featureVersion());
        try (OtlpHttpReceiver receiver = OtlpHttpReceiver.start();
                ChildJvm app = target(testInfo, jdk, receiver, control, "warn-" + UUID.randomUUID(), false)) {
            app.awaitStdoutLine(line -> line.startsWith("tick "), START);
            AgentCli.Result attach = cli.run("attach", Long.toString(app.pid()));
            assertEquals(0, attach.exitCode, attach::toString);
            assertTrue(attach.stdout.contains("-XX:+EnableDynamicAgentLoading"), attach::toString);
            // HotSpot writes it to the JVM's standard error
            app.awaitStderrLine(line -> line.contains(DYNAMIC_AGENT_WARNING), Duration.ofSeconds(10));
            app.withOutputOnFailure(() -> receiver.awaitSpans(span -> true, 1, SPANS));
            assertEquals(0, cli.run("detach", Long.toString(app.pid())).exitCode);
        }
    }

    @Test
    void noSuchProcess() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        AgentCli.Result result = AgentCli.on(Jdks.current(), "AttachIT.noSuchProcess").run("attach",
                Long.toString(gone.pid()));
        assertEquals(1, result.exitCode, result::toString);
        assertEquals(List.of("tlslens: no such process: " + gone.pid()), result.stderrLines(), result::toString);
    }

    @Test
    void anAmbiguousNameListsTheMatches(TestInfo testInfo) {
        String marker = "ambiguous-" + UUID.randomUUID();
        try (ChildJvm first = ChildJvm.builder(testInfo).withoutAgent().mainClass(HangingApp.class)
                        .args(marker + "-first").start();
                ChildJvm second = ChildJvm.builder(testInfo).withoutAgent().mainClass(HangingApp.class)
                        .args(marker + "-second").start()) {
            first.awaitStdoutLine("hanging"::equals, START);
            second.awaitStdoutLine("hanging"::equals, START);
            AgentCli.Result result = AgentCli.on(Jdks.current(), "AttachIT.ambiguous").run("status", marker);
            assertEquals(1, result.exitCode, result::toString);
            List<String> lines = result.stderrLines();
            assertEquals("tlslens: 2 JVMs match '" + marker + "'; give a pid or a longer name:", lines.get(0),
                    result::toString);
            assertEquals(3, lines.size(), result::toString);
            assertTrue(lines.get(1).startsWith("  " + Math.min(first.pid(), second.pid()) + "  "), result::toString);
            assertTrue(lines.get(2).startsWith("  " + Math.max(first.pid(), second.pid()) + "  "), result::toString);
            assertTrue(result.stdout.isEmpty(), result::toString);
        }
    }

    @Test
    void aJvmThatForbidsAttach(TestInfo testInfo) throws Exception {
        Path control = controlDir();
        try (ChildJvm app = ChildJvm.builder(testInfo).withoutAgent().jvmArgs("-XX:+DisableAttachMechanism")
                        .mainClass(AttachTargetApp.class).args("forbids-" + UUID.randomUUID(), control.toString())
                        .start()) {
            app.awaitStdoutLine(line -> line.startsWith("tick "), START);
            AgentCli.Result result = AgentCli.on(Jdks.current(), "AttachIT.forbidsAttach").run("attach",
                    Long.toString(app.pid()));
            assertEquals(1, result.exitCode, result::toString);
            assertEquals(1, result.stderrLines().size(), result::toString);
            assertEquals("tlslens: JVM " + app.pid() + " does not allow attach: it was started with "
                    + "-XX:+DisableAttachMechanism", result.stderrLines().get(0), result::toString);
            assertTrue(result.stdout.isEmpty(), result::toString);
        }
    }

    @Test
    void aRuntimeWithoutTheAttachModule() {
        AgentCli.Result result = AgentCli.on(Jdks.current(), "AttachIT.noAttachModule", "--limit-modules",
                "java.base").run("list");
        assertEquals(1, result.exitCode, result::toString);
        assertEquals(1, result.stderrLines().size(), result::toString);
        assertTrue(result.stderrLines().get(0).startsWith("tlslens: this Java runtime"), result::toString);
        assertTrue(result.stderrLines().get(0).contains("has no jdk.attach module"), result::toString);
    }

    private static ChildJvm target(TestInfo testInfo, Jdk jdk, OtlpHttpReceiver receiver, Path control, String marker,
                                   boolean allowDynamicAgents) {
        ChildJvm.Builder builder = ChildJvm.builder(testInfo).jdk(jdk).withoutAgent()
                .env(receiver.exporterEnvironment())
                .env("OTEL_BSP_SCHEDULE_DELAY", "100")
                .env("OTEL_SERVICE_NAME", "attach-target")
                .mainClass(AttachTargetApp.class)
                .args(marker, control.toString());
        if (allowDynamicAgents && jdk.featureVersion() >= 21) {
            builder.jvmArgs("-XX:+EnableDynamicAgentLoading");
        }
        return builder.start();
    }

    private static Path controlDir() throws IOException {
        Path dir = TestPaths.targetDir().resolve("attach-control");
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, "app-");
    }

    /** The names of the app's live threads, as it lists them on request. */
    private List<String> threads(ChildJvm app, Path control) throws IOException {
        String id = "threads-" + threadRequests.incrementAndGet();
        Files.createFile(control.resolve(id));
        String line = app.awaitStdoutLine(l -> l.startsWith(id + ": "), Duration.ofSeconds(10));
        return Arrays.asList(line.substring(id.length() + 2).split("\\|"));
    }

    /** {handshakes, failures} from the app's latest tick line. */
    private static long[] lastTick(ChildJvm app) {
        String[] lines = app.stdout().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            Matcher tick = TICK.matcher(lines[i].trim());
            if (tick.matches()) {
                return new long[] {Long.parseLong(tick.group(1)), Long.parseLong(tick.group(2))};
            }
        }
        throw new AssertionError("no tick line\n" + app.describe());
    }

    private static long count(AgentCli.Result result, String key) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (\\d+)$").matcher(result.stdout);
        assertTrue(matcher.find(), () -> "no '" + key + "' in\n" + result);
        return Long.parseLong(matcher.group(1));
    }

    private static void assertClientSpansTo(OtlpHttpReceiver receiver, int port) {
        List<Span> spans = receiver.awaitSpans(Spans.named("TLS client handshake")
                .and(Spans.withAttribute("server.port", (long) port)), 2, SPANS);
        assertNotEquals(0, spans.size());
    }
}
