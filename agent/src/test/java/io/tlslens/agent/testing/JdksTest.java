package io.tlslens.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {
    @TempDir
    Path dir;

    private Path fakeJdk(String name, String javaVersion) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.createFile(home.resolve("bin/java"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        return home;
    }

    @Test
    void theRunningJdkComesFirstWithItsFeatureVersion() {
        Jdk current = Jdks.current();
        assertEquals(Runtime.version().feature(), current.featureVersion());
        assertEquals(current, Jdks.all().get(0));
    }

    @Test
    void discoversTemurin25BesideTheRunningJdk() throws IOException {
        Path current = fakeJdk("current-17", "17.0.15");
        fakeJdk("temurin-25-jdk-amd64", "25.0.3");
        fakeJdk("other-21", "21.0.1");

        List<Jdk> jdks = Jdks.discover(Jdk.at(current), dir);

        assertEquals(List.of(17, 25), jdks.stream().map(Jdk::featureVersion).collect(Collectors.toList()));
    }

    @Test
    void theOverrideListIsTakenAsGivenWithoutRepeats() throws IOException {
        Path eight = fakeJdk("jdk8", "1.8.0_452");
        Path early = fakeJdk("jdk26", "26");

        List<Jdk> jdks = Jdks.fromList(" " + early + "," + eight + ",," + early);

        assertEquals(List.of(26, 8), jdks.stream().map(Jdk::featureVersion).collect(Collectors.toList()));
    }

    @Test
    void anOverrideThatIsNoJdkFails() {
        assertThrows(IllegalArgumentException.class, () -> Jdks.fromList(dir.toString()));
    }
}
