package io.tlslens.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

/**
 * The CLI's commands. {@code attach}, {@code status} and {@code detach} all load the agent jar into
 * the target with {@code command=...,reply=FILE}: the agent's {@code agentmain} runs the command
 * and writes its answer into FILE, which this CLI created owner-only, and prints and deletes.
 */
final class Commands {

    /** The attach protocol carries the jar path and the options in one argument of at most 1024 bytes. */
    private static final int MAX_AGENT_ARGUMENT = 1000;
    private static final String ERROR = "error: ";

    private Commands() {
    }

    static void list(PrintStream out) {
        List<TargetJvm> jvms = Jvms.list();
        out.printf("%-8s %-10s %s%n", "PID", "JDK", "MAIN CLASS OR JAR");
        for (TargetJvm jvm : jvms) {
            out.printf("%-8d %-10s %s%n", jvm.pid, jvm.javaVersion, jvm.shortName());
        }
        if (jvms.isEmpty()) {
            out.println("(no attachable JVM of user " + System.getProperty("user.name") + ")");
        }
    }

    static void attach(String target, String options, PrintStream out) throws CliException {
        for (String pair : options.split(",")) {
            String key = pair.split("=", 2)[0].trim();
            if (key.equals("command") || key.equals("reply")) {
                throw new CliException("'" + key + "' is the CLI's own option, not an agent option");
            }
        }
        long pid = Jvms.resolve(target);
        VirtualMachine vm = Jvms.attach(pid);
        int feature;
        boolean dynamicLoadingEnabled;
        try {
            feature = new TargetJvm(pid, "", vm.getSystemProperties().getProperty("java.version", "?"))
                    .featureVersion();
            dynamicLoadingEnabled = vm.getAgentProperties().getProperty("sun.jvm.args", "")
                    .contains("-XX:+EnableDynamicAgentLoading");
        } catch (IOException e) {
            feature = 0;
            dynamicLoadingEnabled = false;
        }
        List<String> reply = load(vm, pid, "attach", options);
        reply.forEach(out::println);
        boolean attachedNow = reply.stream().anyMatch(line -> line.startsWith("attached: yes, pid"));
        if (attachedNow && options.toLowerCase(Locale.ROOT).matches("(.*,)?\\s*stack\\s*=.*")) {
            out.println("note: a stack chosen at attach time applies only to SSLContexts the application creates "
                    + "from now on; those it already has keep their stack");
        }
        if (attachedNow && feature >= 21 && !dynamicLoadingEnabled) {
            out.println("note: JDK " + feature + " printed a warning on the JVM's standard error: an agent was loaded "
                    + "dynamically (and does so on every command); start it with -XX:+EnableDynamicAgentLoading to "
                    + "allow this silently");
        }
    }

    /** {@code status} or {@code detach}. */
    static void send(String command, String target, PrintStream out) throws CliException {
        long pid = Jvms.resolve(target);
        VirtualMachine vm = Jvms.attach(pid);
        load(vm, pid, command, "").forEach(out::println);
    }

    /** Runs {@code command} in the target and returns the agent's answer; detaches from {@code vm}. */
    private static List<String> load(VirtualMachine vm, long pid, String command, String options)
            throws CliException {
        Path jar = agentJar();
        Path reply = createReplyFile();
        try {
            String arguments = "command=" + command + ",reply=" + reply + (options.isEmpty() ? "" : "," + options);
            if (jar.toString().length() + arguments.length() + 1 > MAX_AGENT_ARGUMENT) {
                throw new CliException("the agent options are too long for the attach protocol (at most about "
                        + MAX_AGENT_ARGUMENT + " bytes with the jar's path)");
            }
            try {
                vm.loadAgent(jar.toString(), arguments);
            } catch (AgentLoadException e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("EnableDynamicAgentLoading") || message.contains("not enabled")) {
                    throw new CliException("JVM " + pid + " does not allow agents to be loaded into it while it "
                            + "runs (-XX:-EnableDynamicAgentLoading)");
                }
                throw new CliException("JVM " + pid + " could not load " + jar + ": " + Jvms.firstLine(message));
            } catch (AgentInitializationException e) {
                throw new CliException("TLSLens failed in JVM " + pid + " (its standard error says why): "
                        + Jvms.firstLine(e.getMessage()));
            } catch (IOException e) {
                throw new CliException("lost JVM " + pid + " while loading TLSLens: " + Jvms.firstLine(e.getMessage()));
            }
            List<String> lines = Files.readAllLines(reply, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new CliException("no answer from TLSLens in JVM " + pid + ": it runs another TLSLens version, "
                        + "or cannot see " + reply + " (a container?)");
            }
            for (String line : lines) {
                if (line.startsWith(ERROR)) {
                    throw new CliException(line.substring(ERROR.length()));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new CliException("cannot read TLSLens's answer from " + reply + ": " + e.getMessage());
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the target went away; nothing is left to release
            }
            try {
                Files.deleteIfExists(reply);
            } catch (IOException ignored) {
                // in the temp directory, owner-only
            }
        }
    }

    /** Empty and owner-only ({@code rw-------}) from the moment it exists. */
    private static Path createReplyFile() throws CliException {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"));
                return Files.createTempFile("tlslens-reply-", ".txt", ownerOnly).toAbsolutePath();
            }
            return Files.createTempFile("tlslens-reply-", ".txt").toAbsolutePath();
        } catch (IOException e) {
            throw new CliException("cannot create a reply file in " + System.getProperty("java.io.tmpdir") + ": "
                    + e.getMessage());
        }
    }

    /** The jar this CLI runs from: it is also the agent. */
    private static Path agentJar() throws CliException {
        try {
            Path location = Paths.get(Commands.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new CliException("run the CLI from the agent jar (java -jar tlslens-agent.jar), not from "
                        + location);
            }
            return location.toAbsolutePath();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new CliException("cannot tell where the agent jar is: " + e);
        }
    }
}
