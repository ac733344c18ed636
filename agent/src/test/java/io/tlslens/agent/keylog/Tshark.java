package io.tlslens.agent.keylog;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Wireshark's command-line dissector, for tests that check what a real decryptor makes of the key log. */
final class Tshark {

    static final String INSTALL_HINT = "tshark is not installed, and JsseKeyLogIT needs it to decrypt a real "
            + "capture with the key log: install it (Debian/Ubuntu: `DEBIAN_FRONTEND=noninteractive apt-get install -y "
            + "tshark`; CI's .ci/run does)";

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private final Path executable;

    private Tshark(Path executable) {
        this.executable = executable;
    }

    /** The {@code tshark} on the PATH, or empty. */
    static Optional<Tshark> find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : (path + File.pathSeparator + "/usr/bin:/usr/sbin").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Paths.get(dir, "tshark");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Tshark(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Starts capturing TCP port {@code port} on the loopback interface into {@code pcapng}, and
     * returns once packets are demonstrably being captured: a connection attempt to the (still
     * closed) port shows up in tshark's packet list.
     */
    Capture capture(int port, Path pcapng, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("tshark-capture.stdout.log");
        Path err = dir.resolve("tshark-capture.stderr.log");
        // -P -l: print each packet as it is captured, unbuffered, so that the test can see the capture work.
        Process process = new ProcessBuilder(executable.toString(), "-i", "lo", "-f", "tcp port " + port,
                "-w", pcapng.toString(), "-P", "-l", "-n")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Capture capture = new Capture(process, out, err);
        try {
            capture.awaitCapturing(port, Duration.ofSeconds(30));
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            capture.kill();
            throw e;
        }
        return capture;
    }

    /** Runs tshark with {@code args}; returns its standard output, failing on a non-zero exit. */
    String run(Path dir, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        Path out = dir.resolve("tshark-" + name + ".stdout.log");
        Path err = dir.resolve("tshark-" + name + ".stderr.log");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tshark did not finish within " + RUN_TIMEOUT + ": " + command);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("tshark exited with " + process.exitValue() + ": " + String.join(" ", command)
                    + "\n" + Files.readString(err, StandardCharsets.UTF_8) + stdout);
        }
        return stdout;
    }

    /** A running capture. */
    static final class Capture implements AutoCloseable {
        private final Process process;
        private final Path out;
        private final Path err;

        private Capture(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        private void awaitCapturing(int port, Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("tshark stopped before capturing (exit " + process.exitValue()
                            + "; capturing on lo needs root or the wireshark group's capabilities):\n" + describe());
                }
                if (packets() > 0) {
                    return;
                }
                if (stderr().contains("Capturing on")) {
                    try (Socket probe = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
                        probe.close(); // nothing should listen yet; either way the SYN is a packet
                    } catch (IOException expected) {
                        // connection refused: the SYN and the RST are what we wanted
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("tshark captured nothing within " + timeout + ":\n" + describe());
        }

        /** Packets captured so far. */
        int packets() throws IOException {
            return (int) Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();
        }

        /**
         * Waits until no packet has arrived for {@code quiet} (the last of the traffic is written),
         * then stops tshark the way Ctrl-C would, so that it finishes the file.
         */
        void stopWhenQuiet(Duration quiet, Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen = packets();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline && System.nanoTime() - quietSince < quiet.toNanos()) {
                Thread.sleep(100);
                int now = packets();
                if (now != seen) {
                    seen = now;
                    quietSince = System.nanoTime();
                }
            }
            process.destroy(); // SIGTERM: tshark and dumpcap flush and close the capture file
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
                throw new AssertionError("tshark did not stop on SIGTERM:\n" + describe());
            }
        }

        String describe() throws IOException {
            return "--- tshark stderr ---\n" + stderr() + "\n--- tshark stdout: " + out;
        }

        private String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        private void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                kill();
            }
        }
    }
}
