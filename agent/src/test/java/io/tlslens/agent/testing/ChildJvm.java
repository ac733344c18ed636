package io.tlslens.agent.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.TestInfo;

/**
 * A real JVM started the way a user starts one with TLSLens: {@code java -javaagent:tlslens-agent.jar[=args] ... Main}.
 * Its stdout and stderr go to {@code target/child-jvms/NAME.{stdout,stderr}.log} and to memory. Closing it kills it and
 * every process it started, so a failed test leaves nothing running.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Path LOG_DIR = TestPaths.targetDir().resolve("child-jvms");
    private static final Map<String, Integer> NAMES_USED = new ConcurrentHashMap<>();
    private static final int TAIL_LINES = 40;
    /** After the process exits, how long its output may still take to drain (a grandchild can hold the pipe). */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final String name;
    private final List<String> command;
    private final Process process;
    private final StreamCapture stdout;
    private final StreamCapture stderr;

    private ChildJvm(String name, List<String> command, Map<String, String> environment) {
        this.name = name;
        this.command = List.copyOf(command);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        try {
            process.getOutputStream().close(); // a child that reads stdin sees EOF instead of waiting forever
            stdout = StreamCapture.start(process.getInputStream(), LOG_DIR.resolve(name + ".stdout.log"),
                    name + "-out");
            stderr = StreamCapture.start(process.getErrorStream(), LOG_DIR.resolve(name + ".stderr.log"),
                    name + "-err");
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly(); // nobody else holds it yet
            throw e instanceof IOException ? new UncheckedIOException((IOException) e) : (RuntimeException) e;
        }
    }

    /** {@code name} names the log files; it is made file-safe and unique within this test run. */
    public static Builder builder(String name) {
        return new Builder(uniqueName(name));
    }

    /** Names the log files after the test class, method and, for parameterized tests, the invocation. */
    public static Builder builder(TestInfo testInfo) {
        String method = testInfo.getTestMethod().map(m -> m.getName()).orElse("");
        String display = testInfo.getDisplayName();
        // A plain test's display name is "method(ParamTypes)": nothing the method name does not already say.
        String invocation = display.startsWith(method + "(") ? "" : "." + display;
        return builder(testInfo.getTestClass().map(Class::getSimpleName).orElse("test") + "." + method + invocation);
    }

    private static String uniqueName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+$", "");
        safe = safe.substring(0, Math.min(safe.length(), 150));
        int use = NAMES_USED.merge(safe, 1, Integer::sum);
        return use == 1 ? safe : safe + "-" + use;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the JVM to exit and returns its exit code, with its output fully captured. On timeout, kills it and its
     * descendants and fails with the tail of both streams.
     */
    public int awaitExit(Duration timeout) {
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
        if (!exited) {
            killTree();
            throw new AssertionError("child JVM did not exit within " + timeout
                    + "; killed it and its descendants.\n" + describe());
        }
        stdout.awaitEnd(DRAIN);
        stderr.awaitEnd(DRAIN);
        return process.exitValue();
    }

    /** {@link #awaitExit} and fail, with the tail of both streams, unless the exit code is 0. */
    public void awaitSuccess(Duration timeout) {
        int exitCode = awaitExit(timeout);
        if (exitCode != 0) {
            throw new AssertionError("child JVM exited with " + exitCode + "\n" + describe());
        }
    }

    /** The first stdout line matching {@code filter}; fails when the timeout passes or stdout ends without one. */
    public String awaitStdoutLine(Predicate<String> filter, Duration timeout) {
        return awaitLine(stdout, "stdout", filter, timeout);
    }

    /** As {@link #awaitStdoutLine}, on stderr (where the agent's console exporter writes). */
    public String awaitStderrLine(Predicate<String> filter, Duration timeout) {
        return awaitLine(stderr, "stderr", filter, timeout);
    }

    private String awaitLine(StreamCapture capture, String stream, Predicate<String> filter, Duration timeout) {
        Optional<String> line = capture.awaitLine(filter, timeout);
        if (line.isEmpty()) {
            throw new AssertionError("no matching " + stream + " line within " + timeout + "\n" + describe());
        }
        return line.get();
    }

    /**
     * Runs an assertion about what the child did (e.g. a receiver's await) and, if it fails, adds this JVM's output to
     * the failure: the agent reports its own trouble on the child's stderr.
     */
    public <T> T withOutputOnFailure(Supplier<T> assertion) {
        try {
            return assertion.get();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + describe(), e);
        }
    }

    /** Everything written to stdout so far. */
    public String stdout() {
        return stdout.text();
    }

    /** Everything written to stderr so far. */
    public String stderr() {
        return stderr.text();
    }

    public Path stdoutFile() {
        return stdout.file();
    }

    public Path stderrFile() {
        return stderr.file();
    }

    public List<String> command() {
        return command;
    }

    /** For failure messages: the command, the state, and the tail of both streams. */
    public String describe() {
        String state = process.isAlive() ? "running" : "exit code " + process.exitValue();
        return "child JVM " + name + " (pid " + process.pid() + ", " + state + ")\n"
                + "command: " + String.join(" ", command) + "\n"
                + "--- stdout (last " + TAIL_LINES + " lines) ---\n" + stdout.tail(TAIL_LINES) + "\n"
                + "--- stderr (last " + TAIL_LINES + " lines) ---\n" + stderr.tail(TAIL_LINES) + "\n"
                + "--- logs: " + stdout.file() + ", " + stderr.file();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            killTree();
        }
        stdout.awaitEnd(DRAIN);
        stderr.awaitEnd(DRAIN);
    }

    /** Kills the JVM and everything it started; the descendants are listed first, as they are orphaned once it dies. */
    private void killTree() {
        List<ProcessHandle> tree = process.descendants().collect(Collectors.toCollection(ArrayList::new));
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not kill pid " + handle.pid() + " of " + name, e);
            }
        }
    }

    /** Describes the JVM to start; {@link #start()} starts it. Defaults: the test JDK, the agent, the application classpath. */
    public static final class Builder {
        /**
         * Inherited variables that would change what the child does: exporter and agent settings from the developer's
         * shell, and JVM options the launcher would pick up (and announce on stderr).
         */
        private static final List<String> SCRUBBED_PREFIXES = List.of(
                "OTEL_", "TLSLENS_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

        private final String name;
        private Jdk jdk = Jdks.current();
        private Path agentJar = TestPaths.agentJar();
        private boolean withAgent = true;
        private String agentArgs = "";
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String classpath = TestPaths.applicationClasspath();
        private String mainClass;
        private final List<String> args = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder jdk(Jdk jdk) {
            this.jdk = jdk;
            return this;
        }

        /** Another agent jar than the built one ({@code tlslens.agent.jar}). */
        public Builder agentJar(Path agentJar) {
            this.agentJar = agentJar;
            this.withAgent = true;
            return this;
        }

        /** {@code -javaagent:jar=ARGS}, e.g. {@code stack=reference,keylog=/tmp/k}. */
        public Builder agentArgs(String agentArgs) {
            this.agentArgs = agentArgs;
            return this;
        }

        /** No {@code -javaagent}: the same program as a baseline, or before the agent jar exists. */
        public Builder withoutAgent() {
            this.withAgent = false;
            return this;
        }

        public Builder jvmArgs(String... jvmArgs) {
            this.jvmArgs.addAll(List.of(jvmArgs));
            return this;
        }

        public Builder systemProperty(String key, String value) {
            systemProperties.put(key, value);
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Replaces the default (the test classpath without the agent's own classes and dependencies). */
        public Builder classpath(Collection<Path> entries) {
            this.classpath = entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            return this;
        }

        public Builder mainClass(Class<?> mainClass) {
            return mainClass(mainClass.getName());
        }

        public Builder mainClass(String mainClass) {
            this.mainClass = mainClass;
            return this;
        }

        public Builder args(String... args) {
            this.args.addAll(List.of(args));
            return this;
        }

        /** The command line {@link #start()} runs. */
        public List<String> command() {
            if (mainClass == null) {
                throw new IllegalStateException("no main class for child JVM " + name);
            }
            List<String> command = new ArrayList<>();
            command.add(jdk.java().toString());
            if (withAgent) {
                command.add("-javaagent:" + agentJar + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
            }
            command.addAll(jvmArgs);
            systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
            command.addAll(args);
            return command;
        }

        /** The child's environment: this JVM's, less {@link #SCRUBBED_PREFIXES}, plus what was set here. */
        public Map<String, String> environment() {
            Map<String, String> result = new HashMap<>(System.getenv());
            result.keySet().removeIf(key -> SCRUBBED_PREFIXES.stream().anyMatch(key::startsWith));
            result.put("JAVA_HOME", jdk.home().toString());
            result.putAll(environment);
            return result;
        }

        public ChildJvm start() {
            if (withAgent && !Files.isRegularFile(agentJar)) {
                throw new IllegalStateException("agent jar " + agentJar + " does not exist; it is built by "
                        + "`mvn -pl agent package` (integration tests run after it: `mvn -pl agent verify`)");
            }
            return new ChildJvm(name, command(), environment());
        }
    }
}
