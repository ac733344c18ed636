package io.tlslens.agent.testing;

import io.tlslens.agent.testing.apps.ConflictingDepsApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.TestInfo;

/** How to launch {@link ConflictingDepsApp}: on test-classes plus the old library jars only, with its keystore. */
public final class ConflictingDepsFixture {
    private ConflictingDepsFixture() {
    }

    /**
     * A child JVM running the app on {@code jdk}, with a fresh self-signed keystore in {@code workDir}. The agent is
     * attached (the default); call {@link ChildJvm.Builder#withoutAgent()} for the baseline.
     */
    public static ChildJvm.Builder app(TestInfo testInfo, Jdk jdk, Path workDir) {
        Path keystore = Keystores.selfSigned(jdk, workDir, 2);
        List<Path> classpath = new ArrayList<>();
        classpath.add(TestPaths.testClasses());
        classpath.addAll(TestPaths.conflictingDepsJars());
        return ChildJvm.builder(testInfo)
                .jdk(jdk)
                .classpath(classpath)
                .mainClass(ConflictingDepsApp.class)
                .args(keystore.toString(), Keystores.PASSWORD);
    }
}
