package io.tlslens.agent.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the build put what the tests need. Maven passes these as system properties (see agent/pom.xml); the defaults
 * are the same places relative to the agent module, so a test run from an IDE finds them too.
 */
public final class TestPaths {
    public static final String AGENT_JAR_PROPERTY = "tlslens.agent.jar";
    public static final String TEST_CLASSPATH_PROPERTY = "tlslens.test.classpath";
    public static final String CONFLICTING_DEPS_PROPERTY = "tlslens.conflicting-deps.dir";
    public static final String AGENT_DEPENDENCIES_PROPERTY = "tlslens.agent.dependencies";

    private TestPaths() {
    }

    /** The agent module directory: surefire and failsafe set {@code basedir}; otherwise the working directory. */
    public static Path moduleDir() {
        return Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    public static Path targetDir() {
        return moduleDir().resolve("target");
    }

    /** The shaded agent jar, built in {@code package}; it may not exist yet (unit tests run before it). */
    public static Path agentJar() {
        return Paths.get(System.getProperty(AGENT_JAR_PROPERTY, targetDir().resolve("tlslens-agent.jar").toString()));
    }

    /** The directory (or jar) the test classes were loaded from, i.e. target/test-classes under Maven. */
    public static Path testClasses() {
        try {
            return Paths.get(TestPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The classpath a child JVM needs to run any test main class: Maven's full test runtime classpath, or outside Maven
     * this JVM's own (under surefire that may be a manifest-only jar, which a child JVM reads the same way).
     */
    public static String testClasspath() {
        String classpath = System.getProperty(TEST_CLASSPATH_PROPERTY, "");
        return classpath.isEmpty() ? System.getProperty("java.class.path") : classpath;
    }

    /**
     * What an application under test may see: the test classpath without the agent's own classes and
     * dependencies. With those on the application's classpath, the JVM would load the agent from them
     * instead of from the shaded jar, and the tests would not test the jar users get.
     */
    public static String applicationClasspath() {
        Set<String> agentOwn = new HashSet<>(Arrays.asList(
                System.getProperty(AGENT_DEPENDENCIES_PROPERTY, "").split(File.pathSeparator)));
        agentOwn.add(targetDir().resolve("classes").toString());
        return Arrays.stream(testClasspath().split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty() && !agentOwn.contains(entry))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The old OpenTelemetry, ByteBuddy and Bouncy Castle jars copied by the dependency plugin. */
    public static List<Path> conflictingDepsJars() {
        Path dir = Paths.get(System.getProperty(CONFLICTING_DEPS_PROPERTY,
                targetDir().resolve("conflicting-deps").toString()));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
            if (jars.isEmpty()) {
                throw new IllegalStateException("no jars in " + dir + "; run `mvn -pl agent generate-test-resources`");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("no " + dir + "; run `mvn -pl agent generate-test-resources`", e);
        }
    }
}
