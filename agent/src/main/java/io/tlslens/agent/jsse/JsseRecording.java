package io.tlslens.agent.jsse;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import io.tlslens.agent.config.AgentConfig;
import io.tlslens.agent.keylog.BackgroundKeyLog;
import io.tlslens.agent.keylog.KeyLogging;
import io.tlslens.agent.record.EventQueue;
import io.tlslens.agent.record.HandshakeRecord;
import java.lang.instrument.Instrumentation;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * JSSE recording, put together: the hooks woven into SunJSSE, the queue they fill, and the
 * recorder that drains it into {@link HandshakeRecord}s.
 */
public final class JsseRecording {

    private final EventQueue<JsseEvent> queue;
    private final JsseRecorder recorder;
    private final ResettableClassFileTransformer transformer;
    /** {@code null} unless {@code keylog} is set and could be opened. */
    private final BackgroundKeyLog keyLog;
    /** What listens after {@link #stop} while the key log goes on; {@code null} without one. */
    private final JsseTap keyLogOnly;

    private JsseRecording(EventQueue<JsseEvent> queue, JsseRecorder recorder,
                          ResettableClassFileTransformer transformer, BackgroundKeyLog keyLog, JsseTap keyLogOnly) {
        this.queue = queue;
        this.recorder = recorder;
        this.transformer = transformer;
        this.keyLog = keyLog;
        this.keyLogOnly = keyLogOnly;
    }

    /**
     * Weaves the hooks and starts listening. Records are produced once {@link #run} runs on the
     * recorder thread; until then the hooks' events wait in the bounded queue.
     */
    public static JsseRecording install(Instrumentation inst, AgentConfig config) {
        Set<JsseHook> hooks = JsseInstrumentation.probe(JsseHook.recording());
        BackgroundKeyLog keyLog = startKeyLog(config);
        if (keyLog != null) {
            hooks.add(JsseHook.KEY_DERIVED);
        }
        try {
            JsseInternals internals = JsseInternals.open(inst, keyLog != null);
            EventQueue<JsseEvent> queue = new EventQueue<>(config.queueCapacity());
            JsseRecorder recorder = new JsseRecorder(queue, internals, config.handshakeTimeout());
            RecordingJsseTap tap = new RecordingJsseTap(internals, queue, config.maxMessageBytes(), keyLog);
            Taps.jsse = tap;
            ResettableClassFileTransformer transformer = JsseInstrumentation.install(inst, hooks);
            return new JsseRecording(queue, recorder, transformer, keyLog, tap.keyLogOnly());
        } catch (RuntimeException | Error e) {
            Taps.jsse = null;
            if (keyLog != null) {
                keyLog.close(0);
            }
            throw e;
        }
    }

    /**
     * With {@code keylog} set and H7 on this JDK: the key log, its file open and its writer
     * running. Otherwise {@code null}, after one warning saying why; H7 is then not woven at all.
     */
    private static BackgroundKeyLog startKeyLog(AgentConfig config) {
        String path = config.keylog();
        if (path == null) {
            return null;
        }
        if (JsseInstrumentation.probe(EnumSet.of(JsseHook.KEY_DERIVED)).isEmpty()) {
            return null; // the probe said why; no file is created
        }
        return KeyLogging.start(path);
    }

    /** The recorder loop, handing each record to {@code sink}; returns after {@link #stop}, queue drained. */
    public void run(Consumer<HandshakeRecord> sink) {
        recorder.run(sink);
    }

    /**
     * Stops recording handshakes; {@link #run} records what is still queued, then returns. A key
     * log goes on until {@link #closeKeyLog}.
     */
    public void stop() {
        Taps.jsse = keyLogOnly;
        recorder.requestStop();
    }

    /**
     * Detach: nothing listens any more, the woven SunJSSE classes are retransformed back to the JDK's
     * own bytecode, and {@link #run} records what is still queued, then returns. A handshake that is
     * still open is dropped, never half-recorded. {@code inst} must be the one the hooks were
     * installed with: each attach gets an {@link Instrumentation} of its own, and a transformer can
     * be removed only through its own. Returns whether the classes were restored.
     */
    public boolean uninstall(Instrumentation inst) {
        Taps.jsse = null;
        recorder.requestStop();
        return transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    }

    /** Stops key logging, writing what is queued within {@code timeoutMillis}; without a key log, nothing. */
    public void closeKeyLog(long timeoutMillis) {
        if (keyLog != null) {
            if (Taps.jsse == keyLogOnly) {
                Taps.jsse = null;
            }
            keyLog.close(timeoutMillis);
        }
    }

    /** Events the hooks could not queue because the recorder was behind. */
    public long droppedEvents() {
        return queue.dropped();
    }
}
