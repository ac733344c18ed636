package io.tlslens.agent;

import io.tlslens.agent.config.AgentConfig;
import io.tlslens.agent.export.HandshakeExporter;
import io.tlslens.agent.export.Telemetry;
import io.tlslens.agent.jsse.JsseRecording;
import io.tlslens.agent.record.EpochClock;
import java.lang.instrument.Instrumentation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running TLSLens: the woven hooks and their recording, the OpenTelemetry SDK, the recorder
 * thread and the shutdown hook, owned together so that {@link #detach} can take all of it back out
 * of the JVM and a later attach can start afresh. The OpenTelemetry SDK is set up on the recorder
 * thread, off the application's (or the attach listener's) thread.
 */
final class RunningAgent {

    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final String options;
    /** The one the hooks were installed with: only it can remove them again. */
    private final Instrumentation inst;
    private final String startedBy;
    private final Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final JsseRecording recording;
    private final Thread recorder;
    private final Thread shutdownHook;
    private final AtomicLong handshakes = new AtomicLong();
    private volatile Telemetry telemetry;
    private volatile HandshakeExporter exporter;
    private boolean stopped; // guarded by this

    private RunningAgent(AgentConfig config, String options, Instrumentation inst, String startedBy) {
        this.options = options;
        this.inst = inst;
        this.startedBy = startedBy;
        this.recording = JsseRecording.install(inst, config);
        this.recorder = AgentThread.create(() -> record(config), "tlslens-recorder");
        this.shutdownHook = new Thread(() -> stop(false), "tlslens-shutdown");
    }

    /**
     * Weaves SunJSSE (retransforming its classes if they are loaded already, as on attach) and starts
     * recording. {@code startedBy} says how, for {@code status}: {@code -javaagent} or {@code attach}.
     */
    static RunningAgent start(AgentConfig config, String options, Instrumentation inst, String startedBy)
            throws java.io.IOException {
        BootstrapClasses.injectOnce(inst);
        RunningAgent agent = new RunningAgent(config, options, inst, startedBy);
        agent.recorder.start();
        Runtime.getRuntime().addShutdownHook(agent.shutdownHook);
        return agent;
    }

    private void record(AgentConfig config) {
        Telemetry started;
        try {
            started = Telemetry.start(config);
        } catch (Throwable t) {
            recording.stop();
            AgentLog.warn("TLSLens could not set up OpenTelemetry and records nothing: " + t);
            return;
        }
        telemetry = started;
        HandshakeExporter handshakeExporter = started.handshakeExporter(TlsLensAgent.version(), new EpochClock());
        exporter = handshakeExporter;
        recording.run(handshake -> {
            if (!handshake.isPostHandshake()) {
                handshakes.incrementAndGet();
            }
            handshakeExporter.accept(handshake);
        });
    }

    /** For {@code status}, and for a second {@code attach}, which reports the first. */
    void describe(Reply reply) {
        reply.line("attached", "yes (" + startedBy + ", since " + since + ")");
        describeRun(reply);
    }

    /** Version, options and counts; after {@link #detach}, the final counts. */
    void describeRun(Reply reply) {
        Telemetry current = telemetry;
        reply.line("version", "TLSLens " + TlsLensAgent.version())
                .line("options", options.isEmpty() ? "(none)" : options)
                .line("handshakes recorded", handshakes.get())
                .line("spans exported", current == null ? 0 : current.spansExported())
                .line("events dropped", recording.droppedEvents());
    }

    /**
     * Takes TLSLens back out: the hooks stop listening and the SunJSSE classes get their original
     * bytecode back, the recorder records what is queued and ends, the SDK flushes and shuts down
     * (ending its export threads), the key log is closed, and the shutdown hook is removed.
     * Returns whether the SunJSSE classes were restored.
     */
    boolean detach() {
        boolean restored = stop(true);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook is running or has run
        }
        return restored;
    }

    /** At exit ({@code detach == false}) the woven classes are left as they are: restoring them would only cost time. */
    private synchronized boolean stop(boolean detach) {
        if (stopped) {
            return true;
        }
        stopped = true;
        boolean restored = true;
        if (detach) {
            restored = recording.uninstall(inst);
        } else {
            recording.stop();
        }
        try {
            recorder.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (recorder.isAlive()) {
            AgentLog.warn("the recorder thread did not end within " + STOP_TIMEOUT_MILLIS + " ms");
        }
        // After the recorder: the application's last handshakes have had their secrets queued.
        recording.closeKeyLog(STOP_TIMEOUT_MILLIS);
        HandshakeExporter lastExporter = exporter;
        if (lastExporter != null) {
            lastExporter.printSummary();
        }
        Telemetry lastTelemetry = telemetry;
        if (lastTelemetry != null) {
            lastTelemetry.shutdown(STOP_TIMEOUT_MILLIS);
        }
        return restored;
    }
}
