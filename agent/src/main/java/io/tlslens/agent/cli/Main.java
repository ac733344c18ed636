package io.tlslens.agent.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar tlslens-agent.jar list | attach | status | detach}: TLSLens for a JVM that is
 * already running, through the JDK's attach API ({@code jdk.attach}). The CLI is a separate
 * program that shares only the jar with the agent: it holds none of the agent's state, and every
 * command reaches the target as {@code VirtualMachine.loadAgent(jar, "command=...")}.
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "usage: java -jar tlslens-agent.jar <command>",
            "  list                                  the JVMs of this user that TLSLens can attach to",
            "  attach <pid|name> [key=value,...]     start TLSLens in a running JVM, with agent options",
            "  status <pid|name>                     whether TLSLens runs there, and what it has recorded",
            "  detach <pid|name>                     stop TLSLens and take its hooks and threads out again",
            "<name> is a substring of the JVM's main class or jar (and arguments), as `list` shows it.");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            execute(List.of(args), out);
            return 0;
        } catch (CliException e) {
            err.println("tlslens: " + e.getMessage());
            if (e.exitCode == CliException.USAGE) {
                err.println(USAGE);
            }
            return e.exitCode;
        }
    }

    private static void execute(List<String> args, PrintStream out) throws CliException {
        if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help") || args.get(0).equals("help")) {
            if (args.isEmpty()) {
                throw new CliException("no command given", CliException.USAGE);
            }
            out.println(USAGE);
            return;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (!Arrays.asList("list", "attach", "status", "detach").contains(command)) {
            throw new CliException("unknown command '" + command + "'", CliException.USAGE);
        }
        requireAttachModule();
        switch (command) {
            case "list":
                expectArguments(command, rest, 0, 0);
                Commands.list(out);
                break;
            case "attach":
                expectArguments(command, rest, 1, Integer.MAX_VALUE);
                Commands.attach(rest.get(0), String.join(",", rest.subList(1, rest.size())), out);
                break;
            default:
                expectArguments(command, rest, 1, 1);
                Commands.send(command, rest.get(0), out);
        }
    }

    private static void expectArguments(String command, List<String> rest, int min, int max) throws CliException {
        if (rest.size() < min || rest.size() > max) {
            throw new CliException("wrong arguments for " + command + ": " + String.join(" ", rest),
                    CliException.USAGE);
        }
    }

    /** A JRE (or a jlinked runtime without it) has no attach API: say so before anything touches it. */
    private static void requireAttachModule() throws CliException {
        if (ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
            throw new CliException("this Java runtime (" + System.getProperty("java.home") + ") has no jdk.attach "
                    + "module (a JRE?): run the CLI with a JDK's java, of any version from 11 up");
        }
    }
}
