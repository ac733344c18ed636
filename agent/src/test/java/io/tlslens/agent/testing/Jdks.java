package io.tlslens.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JDKs integration tests run child JVMs on: the one running the tests, plus Temurin 25 where installed, since the
 * agent instruments JDK internals that change between releases. {@code -Dtlslens.test.jdks=/jdk/a,/jdk/b} replaces the
 * list. Use as {@code @MethodSource("io.tlslens.agent.testing.Jdks#all")}.
 */
public final class Jdks {
    public static final String PROPERTY = "tlslens.test.jdks";
    private static final Path JVM_DIR = Paths.get("/usr/lib/jvm");
    private static final String EXTRA_JDK_GLOB = "temurin-25*";

    private Jdks() {
    }

    public static List<Jdk> all() {
        String override = System.getProperty(PROPERTY, "").trim();
        return override.isEmpty() ? discover(current(), JVM_DIR) : fromList(override);
    }

    /** The JDK running the tests. */
    public static Jdk current() {
        return Jdk.at(Paths.get(System.getProperty("java.home")));
    }

    /** Comma-separated JAVA_HOMEs; each must be a JDK, because a silently skipped JDK is an untested JDK. */
    static List<Jdk> fromList(String homes) {
        return distinct(Arrays.stream(homes.split(","))
                .map(String::trim)
                .filter(home -> !home.isEmpty())
                .map(home -> Jdk.at(Paths.get(home)))
                .collect(Collectors.toList()));
    }

    static List<Jdk> discover(Jdk current, Path jvmDir) {
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(current);
        if (Files.isDirectory(jvmDir)) {
            try (DirectoryStream<Path> extra = Files.newDirectoryStream(jvmDir, EXTRA_JDK_GLOB)) {
                for (Path home : extra) {
                    if (Files.isExecutable(home.resolve("bin/java"))) {
                        jdks.add(Jdk.at(home));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + jvmDir, e);
            }
        }
        return distinct(jdks);
    }

    /** Drops repeats (symlinked homes, or tests already running on Temurin 25), keeping the first. */
    private static List<Jdk> distinct(List<Jdk> jdks) {
        Set<Jdk> unique = new LinkedHashSet<>(jdks);
        return List.copyOf(unique);
    }
}
