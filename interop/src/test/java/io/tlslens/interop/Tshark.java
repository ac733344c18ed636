package io.tlslens.interop;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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

/**
 * Wireshark's command-line dissector: captures loopback traffic and reads captures back, decrypted with a key
 * log. (The agent's key log test has its own copy of this: test code of one module is not visible to another.)
 */
final class Tshark {
    static final String INSTALL_HINT = "tshark is not installed, and the key log test needs it to decrypt a real "
            + "capture: install it (Debian/Ubuntu: `DEBIAN_FRONTEND=noninteractive apt-get install -y tshark`; "
            + "CI's .ci/run does)";

    private final Path executable;

    private Tshark(Path executable) {
        this.executable = executable;
    }

    /** The {@code tshark} on the PATH, or empty. */
    static Optional<Tshark> find() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/usr/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, "tshark"))) {
                return Optional.of(new Tshark(Paths.get(dir, "tshark")));
            }
        }
        return Optional.empty();
    }

    /**
     * Starts capturing TCP port {@code port} on the loopback interface into {@code pcapng}, and returns once
     * packets are demonstrably captured: connection attempts to a closed probe port, captured too, show up.
     */
    Capture capture(int port, Path pcapng) throws IOException, InterruptedException {
        int probePort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            probePort = free.getLocalPort();
        }
        Path dir = pcapng.getParent();
        Process process = new ProcessBuilder(executable.toString(), "-i", "lo", "-n", "-l", "-P",
                "-f", "tcp port " + port + " or tcp port " + probePort, "-w", pcapng.toString())
                .redirectOutput(dir.resolve("tshark-capture.out").toFile())
                .redirectError(dir.resolve("tshark-capture.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Capture capture = new Capture(process, dir.resolve("tshark-capture.out"), dir.resolve("tshark-capture.err"));
        long deadline = System.nanoTime() + Peer.TIMEOUT.toNanos();
        while (capture.packets() == 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                capture.close();
                throw new AssertionError("tshark captured nothing on lo (capturing needs root or the wireshark "
                        + "group's capabilities):\n" + read(dir.resolve("tshark-capture.err")));
            }
            probe(probePort);
            Thread.sleep(100);
        }
        return capture;
    }

    /** A connection attempt to a closed port: its SYN and the RST are packets to capture. */
    private static void probe(int closedPort) throws IOException {
        Socket probe = new Socket();
        try {
            probe.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), closedPort));
            throw new AssertionError("something listens on the probe port " + closedPort);
        } catch (ConnectException refused) {
            // as intended
        } finally {
            probe.close();
        }
    }

    /** Runs tshark with {@code args}; its standard output, failing on a non-zero exit. */
    String run(Path dir, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        Path out = dir.resolve("tshark-" + name + ".out");
        Path err = dir.resolve("tshark-" + name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(Peer.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tshark did not finish within " + Peer.TIMEOUT + ": " + command);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("tshark exited with " + process.exitValue() + ": " + command + "\n" + read(err));
        }
        return read(out);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** A running capture; closing it kills tshark if {@link #stopWhenQuiet} did not stop it. */
    static final class Capture implements AutoCloseable {
        private final Process process;
        private final Path out;
        private final Path err;

        private Capture(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        private long packets() throws IOException {
            return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();
        }

        /** Waits until no packet has arrived for {@code quiet}, then stops tshark so that it completes the file. */
        void stopWhenQuiet(Duration quiet) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + Peer.TIMEOUT.toNanos();
            long seen = packets();
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < quiet.toNanos() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                long now = packets();
                if (now != seen) {
                    seen = now;
                    quietSince = System.nanoTime();
                }
            }
            process.destroy(); // SIGTERM: tshark and dumpcap flush and close the capture file
            if (!process.waitFor(Peer.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("tshark did not stop on SIGTERM:\n" + read(err));
            }
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
