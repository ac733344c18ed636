package io.tlslens.agent.cli;

/** A JVM as {@code list} shows it. */
final class TargetJvm {

    private static final int NAME_LIMIT = 120;

    final long pid;
    /** Main class or jar, and arguments. */
    final String name;
    /** {@code java.version}, or {@code ?} when the JVM did not answer. */
    final String javaVersion;

    TargetJvm(long pid, String name, String javaVersion) {
        this.pid = pid;
        this.name = name;
        this.javaVersion = javaVersion;
    }

    /** The name, cut to fit a line. */
    String shortName() {
        return name.length() <= NAME_LIMIT ? name : name.substring(0, NAME_LIMIT - 3) + "...";
    }

    /** The feature release (17, 21, 25), or 0 when unknown. */
    int featureVersion() {
        String version = javaVersion.startsWith("1.") ? javaVersion.substring(2) : javaVersion;
        try {
            return Integer.parseInt(version.split("[.+_-]", 2)[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
