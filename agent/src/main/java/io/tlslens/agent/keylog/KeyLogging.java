package io.tlslens.agent.keylog;

import io.tlslens.agent.AgentLog;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;

/** Turns {@code keylog=PATH} into a running key log, or says why it cannot. */
public final class KeyLogging {

    /** Secrets in flight between the handshake threads and the file; a handshake makes at most five per side. */
    static final int QUEUE_CAPACITY = 4096;
    static final String THREAD_NAME = "tlslens-keylog";

    private KeyLogging() {
    }

    /**
     * Opens the key log file (see {@link KeyLogFile#open} for what is refused), warns that it is
     * being written, and starts its writer thread. On failure it warns with the reason and returns
     * {@code null}: TLSLens goes on recording, without a key log.
     */
    public static BackgroundKeyLog start(String configuredPath) {
        KeyLogFile file;
        try {
            file = KeyLogFile.open(Paths.get(configuredPath));
        } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
            AgentLog.warn("keylog=" + configuredPath + ": " + e.getMessage() + "; no key log is written");
            return null;
        }
        AgentLog.warn("key logging to " + file.path()
                + ": anyone who can read this file can decrypt the recorded TLS traffic");
        return BackgroundKeyLog.start(file, QUEUE_CAPACITY, THREAD_NAME);
    }
}
