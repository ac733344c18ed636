package io.tlslens.agent;

import io.tlslens.agent.config.AgentConfig;
import io.tlslens.agent.export.HandshakeExporter;
import io.tlslens.agent.export.Telemetry;
import io.tlslens.agent.jsse.JsseRecording;
import io.tlslens.agent.keylog.BackgroundKeyLog;
import io.tlslens.agent.keylog.KeyLogging;
import io.tlslens.agent.record.EpochClock;
import io.tlslens.agent.record.EventQueue;
import io.tlslens.agent.record.QueuedEvent;
import io.tlslens.agent.record.RecorderLoop;
import io.tlslens.agent.reference.ReferenceObservation;
import io.tlslens.agent.reference.StackSwap;
import io.tlslens.stack.KeyLog;
import java.lang.instrument.Instrumentation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running TLSLens: the woven SunJSSE hooks, the reference stack's observation (and swap), the
 * key log, the OpenTelemetry SDK, the recorder thread and the shutdown hook, owned together so
 * that {@link #detach} can take all of it back out of the JVM and a later attach can start afresh.
 * The OpenTelemetry SDK is set up on the recorder thread when the first handshake has been
 * recorded: off the application's (or the attach listener's) thread, and not at all in a JVM that
 * never handshakes.
 */
final class RunningAgent {

    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final String options;
    /** The one the hooks were installed with: only it can remove them again. */
    private final Instrumentation inst;
    private final String startedBy;
    private final Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** {@code null} unless {@code keylog} is set and could be opened. */
    private final BackgroundKeyLog keyLog;
    private final JsseRecording jsse;
    private final ReferenceObservation reference;
    private final RecorderLoop loop;
    /** Whether {@code stack=reference} swapped the reference stack in. */
    private final boolean swapped;
    private final Thread recorder;
    private final Thread shutdownHook;
    private final AtomicLong handshakes = new AtomicLong();
    private volatile Telemetry telemetry;
    private volatile HandshakeExporter exporter;
    /** Set on the recorder thread when OpenTelemetry could not be set up: nothing is recorded any more. */
    private boolean exportFailed;
    private boolean stopped; // guarded by this

    private RunningAgent(AgentConfig config, String options, Instrumentation inst, String startedBy) {
        this.options = options;
        this.inst = inst;
        this.startedBy = startedBy;
        boolean jsseKeys = config.keylog() != null && JsseRecording.canLogKeys();
        this.keyLog = startKeyLog(config, jsseKeys);
        EventQueue<QueuedEvent> queue = new EventQueue<>(config.queueCapacity());
        try {
            this.jsse = JsseRecording.install(inst, config, queue, jsseKeys ? keyLog : null);
        } catch (RuntimeException | Error e) {
            if (keyLog != null) {
                keyLog.close(0);
            }
            throw e;
        }
        this.reference = ReferenceObservation.install(config, queue);
        if (keyLog != null) {
            StackSwap.keyLog(keyLog);
        }
        this.swapped = config.stack() == AgentConfig.Stack.REFERENCE && swapIn("attach".equals(startedBy));
        this.loop = new RecorderLoop(queue, List.of(jsse.recorder(), reference.recorder()));
        this.recorder = AgentThread.create(() -> record(config), "tlslens-recorder");
        this.shutdownHook = new Thread(() -> stop(false), "tlslens-shutdown");
    }

    /**
     * With {@code keylog} set: the key log, its file open and its writer running, for SunJSSE when
     * this JDK has the hook for its secrets, and for the reference stack. {@code null} when there
     * is nothing to log or the file cannot be opened (a warning said why).
     */
    private static BackgroundKeyLog startKeyLog(AgentConfig config, boolean jsseKeys) {
        if (config.keylog() == null || (!jsseKeys && config.stack() != AgentConfig.Stack.REFERENCE)) {
            return null; // without the hook, the probe has said why; no file is created
        }
        return KeyLogging.start(config.keylog());
    }

    /** Swaps the reference stack in, after observation is installed so that its first handshake is recorded. */
    private static boolean swapIn(boolean afterStart) {
        try {
            StackSwap.install(afterStart);
            return true;
        } catch (Throwable t) {
            AgentLog.warn("stack=reference: the reference stack could not be swapped in, the application keeps "
                    + "SunJSSE: " + t);
            return false;
        }
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
        loop.run(handshake -> {
            HandshakeExporter current = exporter(config);
            if (current == null) {
                return;
            }
            if (!handshake.isPostHandshake()) {
                handshakes.incrementAndGet();
            }
            current.accept(handshake);
        });
    }

    /**
     * Where handshakes go, set up for the first one: the SDK's start (its autoconfiguration, a few
     * hundred classes, its export threads) is paid on the recorder thread by a JVM that handshakes,
     * never on the application's start-up path. {@code null} when it could not be set up.
     * Recorder thread only.
     */
    private HandshakeExporter exporter(AgentConfig config) {
        if (exporter == null && !exportFailed) {
            Telemetry started;
            try {
                started = Telemetry.start(config);
            } catch (Throwable t) {
                exportFailed = true;
                jsse.stop();
                reference.uninstall();
                AgentLog.warn("TLSLens could not set up OpenTelemetry and records nothing: " + t);
                return null;
            }
            telemetry = started;
            exporter = started.handshakeExporter(TlsLensAgent.version(), new EpochClock());
        }
        return exporter;
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
                .line("events dropped", loop.droppedEvents());
    }

    /**
     * Takes TLSLens back out: the hooks stop listening and the SunJSSE classes get their original
     * bytecode back, reference-stack connections opened from now on are not observed, new
     * SSLContexts come from SunJSSE again after a {@code stack=reference} swap, the recorder
     * records what is queued and ends, the SDK flushes and shuts down (ending its export threads),
     * the key log is closed, and the shutdown hook is removed.
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

    private static void swapOut() {
        try {
            StackSwap.uninstall();
        } catch (Throwable t) {
            AgentLog.warn("detach: the reference stack stays the default for new SSLContexts: " + t);
        }
    }

    /** At exit ({@code detach == false}) the woven classes are left as they are: restoring them would only cost time. */
    private synchronized boolean stop(boolean detach) {
        if (stopped) {
            return true;
        }
        stopped = true;
        boolean restored = true;
        if (detach) {
            restored = jsse.uninstall(inst);
        } else {
            jsse.stop();
        }
        reference.uninstall();
        if (detach && swapped) {
            swapOut();
        }
        loop.requestStop();
        try {
            recorder.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (recorder.isAlive()) {
            AgentLog.warn("the recorder thread did not end within " + STOP_TIMEOUT_MILLIS + " ms");
        }
        // After the recorder: the application's last handshakes have had their secrets queued.
        if (keyLog != null) {
            jsse.stopKeyLog();
            StackSwap.keyLog(KeyLog.NONE);
            keyLog.close(STOP_TIMEOUT_MILLIS);
        }
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
