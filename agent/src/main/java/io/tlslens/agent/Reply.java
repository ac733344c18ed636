package io.tlslens.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a command from the attach CLI, as lines of {@code key: value}. The CLI creates the
 * reply file (owner-only) and passes its path; the agent only writes into that existing file, never
 * creates one and never follows a link. A line starting with {@code error: } makes the CLI fail.
 */
final class Reply {

    private final List<String> lines = new ArrayList<>();

    Reply line(String key, Object value) {
        lines.add(key + ": " + value);
        return this;
    }

    Reply error(String message) {
        return line("error", message);
    }

    Reply note(String message) {
        return line("note", message);
    }

    List<String> lines() {
        return lines;
    }

    /** Into {@code path}, the file the CLI made; without one (or when it cannot be written), on standard error. */
    void send(String path) {
        if (path != null && !path.isEmpty()) {
            try {
                Path file = Paths.get(path);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                    return;
                }
                AgentLog.warn("reply file " + path + " is not a regular file; answering here instead");
            } catch (IOException | RuntimeException e) {
                AgentLog.warn("cannot write the reply to " + path + " (" + e + "); answering here instead");
            }
        }
        for (String line : lines) {
            AgentLog.info(line);
        }
    }
}
