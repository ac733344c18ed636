package io.tlslens.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Drains one output stream of a child process into a log file and into memory, on its own thread: a child whose pipe
 * is not drained blocks once the pipe buffer fills, and the file survives the test for a human to read.
 */
final class StreamCapture {
    private final Monitor monitor = new Monitor();
    private final StringBuilder text = new StringBuilder();
    private final Path file;
    private boolean ended;

    private StreamCapture(Path file) {
        this.file = file;
    }

    static StreamCapture start(InputStream in, Path file, String threadName) {
        StreamCapture capture = new StreamCapture(file);
        Writer writer;
        try {
            Files.createDirectories(file.getParent());
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        Thread pump = new Thread(() -> capture.pump(new InputStreamReader(in, StandardCharsets.UTF_8), writer),
                threadName);
        pump.setDaemon(true);
        pump.start();
        return capture;
    }

    private void pump(Reader in, Writer out) {
        char[] buffer = new char[8192];
        try (in; out) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                out.flush(); // readable while the child runs, and complete if the test JVM dies
                String chunk = new String(buffer, 0, n);
                monitor.update(() -> text.append(chunk));
            }
        } catch (IOException e) {
            // The pipe closes under us when the process is killed; what was read is kept.
        } finally {
            monitor.update(() -> ended = true);
        }
    }

    Path file() {
        return file;
    }

    String text() {
        return monitor.read(text::toString);
    }

    /** Waits for end of stream; false if the stream is still open (e.g. held by a grandchild) after {@code timeout}. */
    boolean awaitEnd(Duration timeout) {
        return monitor.await(() -> ended, timeout);
    }

    /**
     * The first complete line matching {@code filter}, waiting up to {@code timeout}; empty on timeout or when the
     * stream ended without one, so a child that died is reported at once rather than at the deadline.
     */
    Optional<String> awaitLine(Predicate<String> filter, Duration timeout) {
        monitor.await(() -> ended || firstLine(filter).isPresent(), timeout);
        return monitor.read(() -> firstLine(filter));
    }

    private Optional<String> firstLine(Predicate<String> filter) {
        List<String> lines = Arrays.asList(text.toString().split("\r?\n", -1));
        // The last element is an unterminated line, still being written, unless the stream has ended.
        int complete = ended ? lines.size() : lines.size() - 1;
        return lines.subList(0, complete).stream().filter(filter).findFirst();
    }

    /** The last {@code count} lines, for failure messages. */
    String tail(int count) {
        String[] lines = text().split("\r?\n");
        int from = Math.max(0, lines.length - count);
        String prefix = from > 0 ? "  ... (" + from + " earlier lines in " + file + ")\n" : "";
        return prefix + String.join("\n", Arrays.asList(lines).subList(from, lines.length));
    }
}
