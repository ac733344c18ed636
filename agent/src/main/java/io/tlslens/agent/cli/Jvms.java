package io.tlslens.agent.cli;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** Finding a target JVM, and attaching to it with errors that say what is wrong. */
final class Jvms {

    private Jvms() {
    }

    /**
     * The attachable JVMs of this user, except this one. Nothing is attached to: the name is what the
     * JVM publishes (its main class or jar, and arguments), the version comes from the {@code release}
     * file of the JDK its {@code java} runs from.
     */
    static List<TargetJvm> list() {
        long self = ProcessHandle.current().pid();
        List<TargetJvm> jvms = new ArrayList<>();
        for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
            long pid;
            try {
                pid = Long.parseLong(descriptor.id());
            } catch (NumberFormatException e) {
                continue;
            }
            if (pid != self) {
                String name = descriptor.displayName();
                if (name == null || name.isBlank() || name.equals(descriptor.id())) {
                    name = "(unknown main class)";
                }
                jvms.add(new TargetJvm(pid, name, javaVersion(pid)));
            }
        }
        jvms.sort((a, b) -> Long.compare(a.pid, b.pid));
        return jvms;
    }

    /** {@code JAVA_VERSION} from the {@code release} file next to the process's {@code bin/java}, or {@code ?}. */
    private static String javaVersion(long pid) {
        Optional<String> command = ProcessHandle.of(pid).flatMap(process -> process.info().command());
        if (command.isEmpty()) {
            return "?";
        }
        Path home = Paths.get(command.get()).getParent();
        home = home == null ? null : home.getParent();
        if (home == null) {
            return "?";
        }
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("release"))) {
            release.load(in);
        } catch (IOException | RuntimeException e) {
            return "?";
        }
        String version = release.getProperty("JAVA_VERSION", "?").replace("\"", "").trim();
        return version.isEmpty() ? "?" : version;
    }

    /**
     * A pid, or a substring of the main class / jar and arguments of exactly one JVM in {@link #list}.
     * Returns the pid; fails with one line saying why there is no such JVM, or with the matches.
     */
    static long resolve(String target) throws CliException {
        if (target.matches("[0-9]+")) {
            long pid = Long.parseLong(target);
            checkProcess(pid);
            return pid;
        }
        List<TargetJvm> matches = new ArrayList<>();
        for (TargetJvm jvm : list()) {
            if (jvm.name.contains(target)) {
                matches.add(jvm);
            }
        }
        if (matches.isEmpty()) {
            throw new CliException("no JVM of this user matches '" + target + "' (see `list`)");
        }
        if (matches.size() > 1) {
            StringBuilder message = new StringBuilder(matches.size() + " JVMs match '" + target
                    + "'; give a pid or a longer name:");
            for (TargetJvm jvm : matches) {
                message.append("\n  ").append(jvm.pid).append("  ").append(jvm.shortName());
            }
            throw new CliException(message.toString());
        }
        return matches.get(0).pid;
    }

    /** A process that is not there, or not this user's, fails here, before anything signals it. */
    private static void checkProcess(long pid) throws CliException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            throw new CliException("no such process: " + pid);
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new CliException("pid " + pid + " is this CLI itself");
        }
        String self = System.getProperty("user.name");
        Optional<String> owner = process.get().info().user();
        if (owner.isPresent() && !owner.get().equals(self) && !"root".equals(self)) {
            throw new CliException("pid " + pid + " is a process of user " + owner.get() + ", not of " + self
                    + ": a JVM accepts attach only from its own user; run this as " + owner.get());
        }
        boolean listed = VirtualMachine.list().stream().anyMatch(d -> d.id().equals(Long.toString(pid)));
        if (!listed) {
            String command = process.get().info().command().orElse("");
            if (!command.endsWith("/java") && !command.endsWith("\\java.exe")) {
                throw new CliException("pid " + pid + " is not a JVM this user can attach to ("
                        + (command.isEmpty() ? "unknown command" : command) + "); see `list`");
            }
            // A java process that jvmstat does not list: it forbids attach, or runs without perf data.
            // Attaching says which, without signalling a process that is not a JVM.
        }
    }

    /** Attaches to {@code pid}, turning the attach API's exceptions into one line each. */
    static VirtualMachine attach(long pid) throws CliException {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not support the attach mechanism")) {
                throw new CliException("JVM " + pid + " does not allow attach: it was started with "
                        + "-XX:+DisableAttachMechanism");
            }
            throw new CliException("cannot attach to JVM " + pid + ": " + firstLine(message));
        } catch (IOException e) {
            throw new CliException("cannot attach to JVM " + pid + ": " + firstLine(String.valueOf(e.getMessage())));
        } catch (SecurityException e) {
            throw new CliException("not allowed to attach to JVM " + pid + ": " + firstLine(e.getMessage()));
        }
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

}
