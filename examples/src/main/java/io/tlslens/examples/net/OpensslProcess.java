package io.tlslens.examples.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code openssl} command-line process as a TLS peer. Its output (stdout and stderr together) goes to a
 * file, never to this JVM's streams, and closing the process kills it if it is still running.
 */
public final class OpensslProcess implements AutoCloseable {
    private static final Pattern ACCEPT = Pattern.compile("ACCEPT .*:(\\d+)");
    private static final Duration POLL = Duration.ofMillis(20);
    private static Optional<String> unavailable;

    private final Process process;
    private final Path output;

    private OpensslProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Why openssl cannot be used here (not on PATH, does not run), empty when it can; checked once. */
    public static synchronized Optional<String> unavailableReason() {
        if (unavailable == null) {
            unavailable = probe();
        }
        return unavailable;
    }

    /**
     * Starts {@code openssl ARGS...} in {@code workDirectory}, with {@code stdin} as its whole input; the
     * input is closed after it, which ends an {@code s_client} unless told {@code -ign_eof}.
     */
    public static OpensslProcess start(Path workDirectory, String stdin, List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(arguments);
        Path output = Files.createTempFile(workDirectory, "openssl-" + arguments.get(0) + "-", ".out");
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The process exited before reading its input; its exit status and output tell why.
        }
        return new OpensslProcess(process, output);
    }

    /**
     * Starts {@code openssl s_server -accept 127.0.0.1:0 ARGS...} and waits until it listens.
     *
     * @return the process and the port the operating system gave it
     */
    public static Listening startServer(Path workDirectory, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("s_server", "-accept", "127.0.0.1:0"));
        command.addAll(arguments);
        OpensslProcess server = start(workDirectory, "", command);
        try {
            long deadline = System.nanoTime() + Timeouts.IO.toNanos();
            while (System.nanoTime() < deadline) {
                Matcher accept = ACCEPT.matcher(server.output());
                if (accept.find()) {
                    return new Listening(server, Integer.parseInt(accept.group(1)));
                }
                if (!server.process.isAlive()) {
                    break;
                }
                sleep(POLL);
            }
            throw new IOException("openssl s_server did not listen within " + Timeouts.IO + ": " + server.tail());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** An s_server that is listening, and its port. */
    public static final class Listening {
        private final OpensslProcess process;
        private final int port;

        Listening(OpensslProcess process, int port) {
            this.process = process;
            this.port = port;
        }

        public OpensslProcess process() {
            return process;
        }

        public int port() {
            return port;
        }
    }

    /**
     * Waits for the process to exit within {@code timeout}.
     *
     * @throws IOException naming the exit status and the end of the output when it exits non-zero or
     *                     does not exit in time (it is killed then)
     */
    public void awaitSuccess(Duration timeout) throws IOException {
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for openssl", e);
        }
        if (!exited) {
            process.destroyForcibly();
            throw new IOException("openssl did not exit within " + timeout + ": " + tail());
        }
        if (process.exitValue() != 0) {
            throw new IOException("openssl exited with status " + process.exitValue() + ": " + tail());
        }
    }

    /** Everything it printed so far. */
    public String output() throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }

    /** The last lines of its output, on one line, for an error message. */
    public String tail() {
        try {
            String[] lines = output().strip().split("\n");
            return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 4), lines.length));
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static Optional<String> probe() {
        try {
            Process version = new ProcessBuilder("openssl", "version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!version.waitFor(Timeouts.IO.toMillis(), TimeUnit.MILLISECONDS)) {
                version.destroyForcibly();
                return Optional.of("`openssl version` did not answer within " + Timeouts.IO);
            }
            return version.exitValue() == 0 ? Optional.empty()
                    : Optional.of("`openssl version` exited with status " + version.exitValue());
        } catch (IOException e) {
            return Optional.of("openssl is not on PATH (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for openssl");
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for openssl", e);
        }
    }
}
