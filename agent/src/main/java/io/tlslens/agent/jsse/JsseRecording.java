package io.tlslens.agent.jsse;

import io.tlslens.agent.bootstrap.Taps;
import io.tlslens.agent.config.AgentConfig;
import io.tlslens.agent.record.EventQueue;
import io.tlslens.agent.record.HandshakeRecord;
import java.lang.instrument.Instrumentation;
import java.util.function.Consumer;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * JSSE recording, put together: the hooks woven into SunJSSE, the queue they fill, and the
 * recorder that drains it into {@link HandshakeRecord}s.
 */
public final class JsseRecording {

    private final EventQueue<JsseEvent> queue;
    private final JsseRecorder recorder;
    private final ResettableClassFileTransformer transformer;

    private JsseRecording(EventQueue<JsseEvent> queue, JsseRecorder recorder,
                          ResettableClassFileTransformer transformer) {
        this.queue = queue;
        this.recorder = recorder;
        this.transformer = transformer;
    }

    /**
     * Weaves the hooks and starts listening. Records are produced once {@link #run} runs on the
     * recorder thread; until then the hooks' events wait in the bounded queue.
     */
    public static JsseRecording install(Instrumentation inst, AgentConfig config) {
        JsseInternals internals = JsseInternals.open(inst);
        EventQueue<JsseEvent> queue = new EventQueue<>(config.queueCapacity());
        JsseRecorder recorder = new JsseRecorder(queue, internals, config.handshakeTimeout());
        Taps.jsse = new RecordingJsseTap(internals, queue, config.maxMessageBytes());
        ResettableClassFileTransformer transformer = JsseInstrumentation.install(inst);
        return new JsseRecording(queue, recorder, transformer);
    }

    /** The recorder loop, handing each record to {@code sink}; returns after {@link #stop}, queue drained. */
    public void run(Consumer<HandshakeRecord> sink) {
        recorder.run(sink);
    }

    /** Stops listening; {@link #run} records what is still queued, then returns. */
    public void stop() {
        Taps.jsse = null;
        recorder.requestStop();
    }

    /** Events the hooks could not queue because the recorder was behind. */
    public long droppedEvents() {
        return queue.dropped();
    }

    ResettableClassFileTransformer transformer() {
        return transformer;
    }
}
