package io.tlslens.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar runs on its own ({@code java -jar}, nothing else on the class path): Bouncy Castle is
 * inside and its signature files are not, and the gallery keeps standard error clean.
 */
class GalleryJarIT {
    private static final Path JAR = Path.of(System.getProperty("tlslens.examples.jar", "target/tlslens-examples.jar"));

    @TempDir
    Path output;

    @Test
    void runsScenariosFromTheJarAlone() throws Exception {
        Result result = java("-jar", JAR.toString(), "tls13-socket", "untrusted-unknown-ca", "no-common-group");
        assertEquals(0, result.status, result.stdout + result.stderr);
        assertTrue(result.stdout.contains("3 passed, 0 failed, 0 skipped"), result.stdout);
        assertEquals("", result.stderr);
    }

    @Test
    void runsAScenarioByMainClassFromTheClassPath() throws Exception {
        Result result = java("-cp", JAR.toString(), Gallery.class.getName(), "tls12-engine");
        assertEquals(0, result.status, result.stdout + result.stderr);
        assertTrue(result.stdout.startsWith("stack: jsse (SunJSSE)\nPASS tls12-engine "), result.stdout);
    }

    private static final class Result {
        final int status;
        final String stdout;
        final String stderr;

        Result(int status, String stdout, String stderr) {
            this.status = status;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }

    private Result java(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(arguments));
        Path stdout = output.resolve("stdout");
        Path stderr = output.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the gallery did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
