package io.tlslens.agent.jsse;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import io.tlslens.agent.config.AgentConfig;
import io.tlslens.agent.record.EventQueue;
import io.tlslens.agent.record.QueuedEvent;
import io.tlslens.agent.record.StackRecorder;
import io.tlslens.stack.KeyLog;
import java.lang.instrument.Instrumentation;
import java.util.EnumSet;
import java.util.Set;

/**
 * JSSE recording, put together: the hooks woven into SunJSSE, the tap that queues what they see,
 * and the recorder that makes sense of it on the recorder thread.
 */
public final class JsseRecording {

    private final JsseRecorder recorder;
    private final JsseInstrumentation instrumentation;
    /** What listens after {@link #stop} while the key log goes on; {@code null} without one. */
    private final JsseTap keyLogOnly;

    private JsseRecording(JsseRecorder recorder, JsseInstrumentation instrumentation, JsseTap keyLogOnly) {
        this.recorder = recorder;
        this.instrumentation = instrumentation;
        this.keyLogOnly = keyLogOnly;
    }

    /**
     * Starts listening, and weaving the hooks into SunJSSE: into its classes loaded already now, into
     * the others as the JVM loads them. Their events wait in {@code queue} for the recorder thread.
     * With a {@code keyLog}, SunJSSE's secrets go to it too.
     *
     * @param keyLog {@code null} for none; only given when {@link #canLogKeys} said yes
     */
    public static JsseRecording install(Instrumentation inst, AgentConfig config, EventQueue<QueuedEvent> queue,
                                        KeyLog keyLog) {
        Set<JsseHook> hooks = JsseHook.recording();
        if (keyLog != null) {
            hooks.add(JsseHook.KEY_DERIVED);
        }
        try {
            JsseInternals internals = JsseInternals.open(inst, keyLog != null);
            JsseRecorder recorder = new JsseRecorder(internals, config.handshakeTimeout());
            RecordingJsseTap tap = new RecordingJsseTap(internals, recorder, queue, config.maxMessageBytes(), keyLog);
            Taps.jsse = tap;
            JsseInstrumentation instrumentation = JsseInstrumentation.install(inst, hooks);
            return new JsseRecording(recorder, instrumentation, tap.keyLogOnly());
        } catch (RuntimeException | Error e) {
            Taps.jsse = null;
            throw e;
        }
    }

    /**
     * Whether SunJSSE's secrets can be logged on this JDK (H7 is there); if not, the probe has said
     * why. It reads SunJSSE's class files with ByteBuddy: asked only when {@code keylog} is set.
     */
    public static boolean canLogKeys() {
        return !JsseWeaver.probe(EnumSet.of(JsseHook.KEY_DERIVED)).isEmpty();
    }

    /** Its state on the recorder thread. */
    public StackRecorder recorder() {
        return recorder;
    }

    /** Stops recording handshakes. A key log goes on until {@link #stopKeyLog}. */
    public void stop() {
        Taps.jsse = keyLogOnly;
    }

    /** Stops handing SunJSSE's secrets to the key log. */
    public void stopKeyLog() {
        if (Taps.jsse == keyLogOnly) {
            Taps.jsse = null;
        }
    }

    /**
     * Detach: nothing listens any more, and the woven SunJSSE classes are retransformed back to the
     * JDK's own bytecode. {@code inst} must be the one the hooks were installed with: each attach
     * gets an {@link Instrumentation} of its own, and a transformer can be removed only through its
     * own. Returns whether the classes were restored.
     */
    public boolean uninstall(Instrumentation inst) {
        Taps.jsse = null;
        return instrumentation.uninstall(inst);
    }
}
