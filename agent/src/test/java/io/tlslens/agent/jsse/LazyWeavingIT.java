package io.tlslens.agent.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdk;
import io.tlslens.agent.testing.TestPaths;
import io.tlslens.agent.testing.apps.HandshakeLoopApp;
import io.tlslens.agent.testing.apps.LateTlsApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLSLens starts without ByteBuddy and without OpenTelemetry: it weaves SunJSSE when the JVM loads
 * SunJSSE's first hooked class, and sets its SDK up for the first handshake. The JVM's own class
 * loading log ({@code -Xlog:class+load}) tells which classes it loaded, and in which order.
 */
class LazyWeavingIT {

    private static final Duration EXIT = Duration.ofSeconds(60);
    private static final String BYTEBUDDY = "io.tlslens.shaded.bytebuddy.";
    private static final String OPENTELEMETRY = "io.tlslens.shaded.opentelemetry.";
    private static final String SUNJSSE = "sun.security.ssl.";
    /** JDK 17's notice when a jar is appended to the bootstrap class path, which turns CDS off. */
    private static final String CDS_OFF = "Sharing is only supported for boot loader classes";

    @ParameterizedTest
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void aJvmThatNeverUsesTlsLoadsNeitherByteBuddyNorOpenTelemetry(Jdk jdk, TestInfo testInfo) throws IOException {
        Path classLog = classLog(testInfo, jdk);
        try (ChildJvm app = ChildJvm.builder(testInfo).jdk(jdk).jvmArgs("-Xlog:class+load:file=" + classLog)
                .mainClass(LateTlsApp.class).start()) {
            assertEquals(0, app.awaitExit(EXIT), app::describe);
            List<String> loaded = Files.readAllLines(classLog);
            // TLSLens did start: its transformer is in place.
            assertTrue(indexOf(loaded, line -> line.contains(JsseInstrumentation.class.getName() + " ")) >= 0,
                    app::describe);
            assertEquals(-1, indexOf(loaded, line -> line.contains(BYTEBUDDY)), app::describe);
            assertEquals(-1, indexOf(loaded, line -> line.contains(OPENTELEMETRY)), app::describe);
            assertEquals(-1, indexOf(loaded, line -> line.contains(SUNJSSE)), app::describe);
            assertFalse(app.stderr().contains(CDS_OFF), app::describe);
            assertEquals("", app.stderr(), "TLSLens stays quiet in a JVM without TLS\n" + app.describe());
        }
    }

    @ParameterizedTest
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void theFirstHandshakeOfAnApplicationThatTakesUpTlsLateIsRecorded(Jdk jdk, TestInfo testInfo)
            throws IOException {
        Path classLog = classLog(testInfo, jdk);
        try (ChildJvm app = ChildJvm.builder(testInfo).jdk(jdk).agentArgs("console=on")
                .jvmArgs("-Xlog:class+load:file=" + classLog)
                .mainClass(LateTlsApp.class).args("1500").start()) {
            assertEquals(0, app.awaitExit(EXIT), app::describe);
            String ladders = app.stderr();
            assertTrue(ladders.contains("TLS client handshake  localhost:"), app::describe);
            assertTrue(ladders.contains("TLS server handshake  "), app::describe);
            // Both sides whole: the first message each saw and the last.
            assertEquals(2, ladders.lines().filter(line -> line.matches("\\s+0\\.000  ClientHello -+>")).count(),
                    app::describe);
            assertEquals(4, ladders.lines().filter(line -> line.matches("\\s+\\d+\\.\\d{3}  (<-+ )?Finished( -+>)?"))
                    .count(), app::describe);
            assertFalse(ladders.contains("WARNING"), app::describe);

            List<String> loaded = Files.readAllLines(classLog);
            int tlsTakenUp = indexOf(loaded, line -> line.contains(HandshakeLoopApp.class.getName() + " "));
            int firstSunJsse = indexOf(loaded, line -> line.contains(SUNJSSE));
            int firstByteBuddy = indexOf(loaded, line -> line.contains(BYTEBUDDY));
            assertTrue(tlsTakenUp >= 0 && firstSunJsse > tlsTakenUp, "SunJSSE loaded before the application used TLS");
            assertTrue(firstByteBuddy > firstSunJsse, "ByteBuddy loaded before SunJSSE: line " + firstByteBuddy);
        }
    }

    private static Path classLog(TestInfo testInfo, Jdk jdk) throws IOException {
        Path dir = Files.createDirectories(TestPaths.targetDir().resolve("class-logs"));
        Path log = dir.resolve(testInfo.getTestMethod().orElseThrow().getName() + "-jdk" + jdk.featureVersion()
                + ".log");
        Files.deleteIfExists(log);
        return log;
    }

    private static int indexOf(List<String> lines, Predicate<String> filter) {
        for (int i = 0; i < lines.size(); i++) {
            if (filter.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
