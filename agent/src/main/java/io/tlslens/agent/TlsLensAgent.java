package io.tlslens.agent;

import io.tlslens.agent.config.AgentConfig;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points. {@code premain} starts TLSLens with the JVM; {@code agentmain} runs the
 * commands of the attach CLI ({@code attach}, {@code status}, {@code detach}, see
 * {@link AgentCommand}) in a JVM that is already running. At most one {@link RunningAgent} exists;
 * a detached TLSLens can be attached again. Nothing here may fail the application: a TLSLens that
 * cannot start says so and stays out of the way.
 */
public final class TlsLensAgent {

    /** The running TLSLens, or {@code null}. Guarded by {@code TlsLensAgent.class}. */
    private static RunningAgent running;

    private TlsLensAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        synchronized (TlsLensAgent.class) {
            Reply reply = new Reply();
            attach(args == null ? "" : args, inst, "-javaagent", reply);
            // On the command line, only trouble is worth a line: the application's start-up stays quiet.
            for (String line : reply.lines()) {
                if (line.startsWith("error: ")) {
                    AgentLog.warn(line.substring("error: ".length()));
                }
            }
        }
    }

    public static void agentmain(String args, Instrumentation inst) {
        synchronized (TlsLensAgent.class) {
            AgentCommand command;
            try {
                command = AgentCommand.parse(args);
            } catch (IllegalArgumentException e) {
                new Reply().error(e.getMessage()).send(replyPath(args));
                return;
            }
            Reply reply = new Reply();
            try {
                switch (command.kind) {
                    case ATTACH:
                        attach(command.options, inst, "attach", reply);
                        break;
                    case STATUS:
                        status(reply);
                        break;
                    case DETACH:
                        detach(reply);
                        break;
                    default:
                        reply.error("unknown command " + command.kind);
                }
            } catch (Throwable t) {
                reply.error("TLSLens failed: " + t);
            }
            reply.send(command.reply);
        }
    }

    private static void attach(String options, Instrumentation inst, String startedBy, Reply reply) {
        if (running != null) {
            reply.note("TLSLens was already attached; nothing changed (detach first to change its options)");
            running.describe(reply);
            return;
        }
        try {
            AgentConfig config = AgentConfig.fromAgentArgs(options);
            running = RunningAgent.start(config, options, inst, startedBy);
        } catch (Throwable t) {
            // A bad option says what is wrong in its message; anything else is a bug, named by its class.
            String why = t instanceof IllegalArgumentException ? t.getMessage() : t.toString();
            reply.error("TLSLens could not start and records nothing: " + why);
            return;
        }
        reply.line("attached", "yes, pid " + ProcessHandle.current().pid())
                .line("version", "TLSLens " + version())
                .line("options", options.isEmpty() ? "(none)" : options);
    }

    private static void status(Reply reply) {
        if (running == null) {
            reply.line("attached", "no").line("version", "TLSLens " + version());
        } else {
            running.describe(reply);
        }
    }

    private static void detach(Reply reply) {
        if (running == null) {
            reply.line("attached", "no").note("TLSLens was not attached; nothing to detach");
            return;
        }
        RunningAgent detaching = running;
        running = null;
        boolean restored = detaching.detach();
        reply.line("detached", restored ? "yes; SunJSSE has its original bytecode again"
                : "yes, but SunJSSE could not be restored: its classes keep hooks that do nothing");
        detaching.describeRun(reply);
    }

    /** The reply path from arguments that did not parse, so that the CLI still learns why. */
    private static String replyPath(String args) {
        for (String pair : args.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.startsWith(AgentCommand.REPLY + "=")) {
                return trimmed.substring(AgentCommand.REPLY.length() + 1).trim();
            }
        }
        return null;
    }

    static String version() {
        String version = TlsLensAgent.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
