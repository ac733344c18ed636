package io.tlslens.agent;

import io.tlslens.agent.config.AgentConfig;
import io.tlslens.agent.export.HandshakeExporter;
import io.tlslens.agent.export.Telemetry;
import io.tlslens.agent.jsse.JsseRecording;
import io.tlslens.agent.record.EpochClock;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.TimeUnit;

/**
 * The agent's entry points. Start-up does on the application's thread only what must precede the
 * application's first handshake — weaving SunJSSE — and leaves the OpenTelemetry SDK to the
 * recorder thread. Nothing here may fail the application: a TLSLens that cannot start says so and
 * stays out of the way.
 */
public final class TlsLensAgent {

    private static final long SHUTDOWN_TIMEOUT_MILLIS = 5_000;

    private TlsLensAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst);
    }

    private static synchronized void start(String args, Instrumentation inst) {
        try {
            AgentConfig config = AgentConfig.fromAgentArgs(args);
            warnAboutUnavailableOptions(config);
            BootstrapClasses.inject(inst);
            JsseRecording recording = JsseRecording.install(inst, config);
            EpochClock clock = new EpochClock();
            Telemetry[] telemetry = new Telemetry[1];
            HandshakeExporter[] exporter = new HandshakeExporter[1];
            Thread recorder = AgentThread.create(() -> {
                try {
                    telemetry[0] = Telemetry.start(config);
                } catch (Throwable t) {
                    recording.stop();
                    AgentLog.warn("TLSLens could not set up OpenTelemetry and records nothing: " + t);
                    return;
                }
                exporter[0] = telemetry[0].handshakeExporter(version(), clock);
                recording.run(exporter[0]);
            }, "tlslens-recorder");
            recorder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                recording.stop();
                try {
                    recorder.join(SHUTDOWN_TIMEOUT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // After the recorder: the application's last handshakes have had their secrets queued.
                recording.closeKeyLog(SHUTDOWN_TIMEOUT_MILLIS);
                if (exporter[0] != null) {
                    exporter[0].printSummary();
                }
                if (telemetry[0] != null) {
                    telemetry[0].shutdown(SHUTDOWN_TIMEOUT_MILLIS);
                }
            }, "tlslens-shutdown"));
        } catch (Throwable t) {
            AgentLog.warn("TLSLens could not start and records nothing: " + t);
        }
    }

    private static void warnAboutUnavailableOptions(AgentConfig config) {
        if (config.stack() == AgentConfig.Stack.REFERENCE) {
            AgentLog.warn("stack=reference: the reference stack is not in this build yet; the application keeps "
                    + "SunJSSE, which TLSLens records");
        }
    }

    static String version() {
        String version = TlsLensAgent.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
