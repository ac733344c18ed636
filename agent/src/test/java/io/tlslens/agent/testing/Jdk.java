package io.tlslens.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** A JDK installation a child JVM can run on. Its feature version comes from the {@code release} file, without running it. */
public final class Jdk {
    private final Path home;
    private final int featureVersion;

    private Jdk(Path home, int featureVersion) {
        this.home = home;
        this.featureVersion = featureVersion;
    }

    /** The JDK at {@code home}; fails when it has no {@code bin/java} or no readable {@code release} file. */
    public static Jdk at(Path home) {
        Path realHome;
        try {
            realHome = home.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("no JDK at " + home, e);
        }
        if (!Files.isExecutable(realHome.resolve("bin").resolve("java"))) {
            throw new IllegalArgumentException("no bin/java in " + home);
        }
        return new Jdk(realHome, featureVersion(realHome.resolve("release")));
    }

    /** Parses {@code JAVA_VERSION="17.0.15"} (or {@code "1.8.0_452"}, {@code "25"}) from a JDK's release file. */
    static int featureVersion(Path releaseFile) {
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(releaseFile)) {
            release.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + releaseFile, e);
        }
        String version = release.getProperty("JAVA_VERSION", "").replace("\"", "");
        if (version.startsWith("1.")) {
            version = version.substring(2);
        }
        String feature = version.split("[.+_-]", 2)[0];
        try {
            return Integer.parseInt(feature);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no JAVA_VERSION in " + releaseFile + ": '" + version + "'", e);
        }
    }

    public Path home() {
        return home;
    }

    public int featureVersion() {
        return featureVersion;
    }

    public Path java() {
        return tool("java");
    }

    /** A tool from this JDK's bin directory, e.g. {@code keytool} or {@code jcmd}. */
    public Path tool(String name) {
        return home.resolve("bin").resolve(name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Jdk && ((Jdk) other).home.equals(home);
    }

    @Override
    public int hashCode() {
        return home.hashCode();
    }

    /** Used as the display name of parameterized tests: "JDK 25 (/usr/lib/jvm/temurin-25-jdk-amd64)". */
    @Override
    public String toString() {
        return "JDK " + featureVersion + " (" + home + ")";
    }
}
