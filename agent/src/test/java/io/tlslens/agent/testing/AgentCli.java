package io.tlslens.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the agent jar's CLI as a user does, {@code java -jar tlslens-agent.jar ARGS}, on a given JDK, and returns what
 * it printed. Output goes to {@code target/child-jvms/NAME-N.cli.{stdout,stderr}.log} as well.
 */
public final class AgentCli {
    private static final Path LOG_DIR = TestPaths.targetDir().resolve("child-jvms");
    private static final Map<String, Integer> RUNS = new ConcurrentHashMap<>();
    private static final long TIMEOUT_SECONDS = 60;

    private final String name;
    private final Jdk jdk;
    private final List<String> jvmArgs;

    private AgentCli(String name, Jdk jdk, List<String> jvmArgs) {
        this.name = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        this.jdk = jdk;
        this.jvmArgs = jvmArgs;
    }

    /** {@code name} prefixes the log files. */
    public static AgentCli on(Jdk jdk, String name, String... jvmArgs) {
        return new AgentCli(name, jdk, List.of(jvmArgs));
    }

    /** What one CLI run printed, and how it exited. */
    public static final class Result {
        public final List<String> command;
        public final int exitCode;
        public final String stdout;
        public final String stderr;

        Result(List<String> command, int exitCode, String stdout, String stderr) {
            this.command = command;
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** The lines of stderr that are not empty. */
        public List<String> stderrLines() {
            List<String> lines = new ArrayList<>(Arrays.asList(stderr.split("\r?\n")));
            lines.removeIf(String::isBlank);
            return lines;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit code " + exitCode + "\n--- stdout ---\n" + stdout
                    + "--- stderr ---\n" + stderr;
        }
    }

    public Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(TestPaths.agentJar().toString());
        command.addAll(List.of(args));
        int run = RUNS.merge(name, 1, Integer::sum);
        Path stdout = LOG_DIR.resolve(name + "-" + run + ".cli.stdout.log");
        Path stderr = LOG_DIR.resolve(name + "-" + run + ".cli.stderr.log");
        try {
            Files.createDirectories(LOG_DIR);
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.keySet().removeIf(key -> key.startsWith("JAVA_TOOL_OPTIONS") || key.startsWith("JDK_JAVA_OPTIONS")
                    || key.startsWith("_JAVA_OPTIONS") || key.startsWith("TLSLENS_") || key.startsWith("OTEL_"));
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the CLI did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Result(command, process.exitValue(),
                    new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
