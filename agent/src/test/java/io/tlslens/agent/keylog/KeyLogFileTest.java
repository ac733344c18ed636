package io.tlslens.agent.keylog;

import static io.tlslens.agent.keylog.KeyLogLineTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLogFileTest {

    @TempDir
    Path dir;

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.US_ASCII);
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    }

    private static byte[] secret(int value) {
        byte[] secret = new byte[48];
        secret[0] = (byte) value;
        return secret;
    }

    private Path existing(String name, String permissions, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void createsANewFileOwnerOnlyBeforeAnythingIsWritten() throws IOException {
        Path file = dir.resolve("keys.log");
        try (KeyLogFile log = KeyLogFile.open(file)) {
            assertEquals(file.toAbsolutePath(), log.path());
            assertTrue(Files.isRegularFile(file));
            assertEquals("rw-------", permissions(file)); // not the umask's rw-r--r--
            assertEquals(0, Files.size(file));
        }
    }

    @Test
    void eachLineIsInTheFileAsSoonAsItIsLogged() throws IOException {
        Path file = dir.resolve("keys.log");
        try (KeyLogFile log = KeyLogFile.open(file)) {
            log.log("CLIENT_RANDOM", random(0), secret(1));
            assertEquals(List.of("CLIENT_RANDOM " + KeyLogLine.hex(random(0)) + " 01" + "00".repeat(47)),
                    lines(file));
            log.log("CLIENT_HANDSHAKE_TRAFFIC_SECRET", random(1), secret(2));
            assertEquals(2, lines(file).size());
        }
        assertEquals("rw-------", permissions(file));
    }

    @Test
    void writesEachLabelAndClientRandomOnce() throws IOException {
        Path file = dir.resolve("keys.log");
        try (KeyLogFile log = KeyLogFile.open(file)) {
            // Both ends of an in-JVM connection derive the same secrets.
            log.log("CLIENT_HANDSHAKE_TRAFFIC_SECRET", random(0), secret(1));
            log.log("SERVER_HANDSHAKE_TRAFFIC_SECRET", random(0), secret(2));
            log.log("SERVER_HANDSHAKE_TRAFFIC_SECRET", random(0), secret(2));
            log.log("CLIENT_HANDSHAKE_TRAFFIC_SECRET", random(0), secret(1));
            log.log("CLIENT_HANDSHAKE_TRAFFIC_SECRET", random(7), secret(3)); // another connection
        }
        List<String> lines = lines(file);
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("CLIENT_HANDSHAKE_TRAFFIC_SECRET " + KeyLogLine.hex(random(0))));
        assertTrue(lines.get(1).startsWith("SERVER_HANDSHAKE_TRAFFIC_SECRET " + KeyLogLine.hex(random(0))));
        assertTrue(lines.get(2).startsWith("CLIENT_HANDSHAKE_TRAFFIC_SECRET " + KeyLogLine.hex(random(7))));
    }

    @Test
    void remembersABoundedNumberOfPairs() throws IOException {
        Path file = dir.resolve("keys.log");
        try (KeyLogFile log = KeyLogFile.open(file)) {
            log.log("CLIENT_RANDOM", random(0), secret(1));
            for (int i = 0; i < KeyLogFile.RECENT_ENTRIES; i++) {
                byte[] random = random(1);
                random[0] = (byte) i;
                random[1] = (byte) (i >> 8);
                log.log("CLIENT_TRAFFIC_SECRET_0", random, secret(1));
            }
            log.log("CLIENT_RANDOM", random(0), secret(1)); // long forgotten: written again, memory stays bounded
        }
        assertEquals(KeyLogFile.RECENT_ENTRIES + 2, lines(file).size());
    }

    @Test
    void wipesTheSecretOnceWritten() throws IOException {
        byte[] secret = secret(9);
        try (KeyLogFile log = KeyLogFile.open(dir.resolve("keys.log"))) {
            log.log("CLIENT_RANDOM", random(0), secret);
        }
        assertArrayEquals(new byte[48], secret);
    }

    @Test
    void appendsToAnExistingOwnerOnlyFile() throws IOException {
        Path file = existing("keys.log", "rw-------", "CLIENT_RANDOM from an earlier run\n");
        try (KeyLogFile log = KeyLogFile.open(file)) {
            log.log("CLIENT_RANDOM", random(0), secret(1));
        }
        List<String> lines = lines(file);
        assertEquals("CLIENT_RANDOM from an earlier run", lines.get(0));
        assertTrue(lines.get(1).startsWith("CLIENT_RANDOM " + KeyLogLine.hex(random(0))));
        assertEquals("rw-------", permissions(file));
    }

    @Test
    void refusesAnExistingFileOthersMayRead() throws IOException {
        for (String permissions : List.of("rw-r--r--", "rw-r-----", "rw----r--", "rw--w----")) {
            Path file = existing("keys-" + permissions + ".log", permissions, "earlier\n");
            IOException refused = assertThrows(IOException.class, () -> KeyLogFile.open(file));
            assertTrue(refused.getMessage().contains("its permissions are " + permissions), refused::getMessage);
            assertTrue(refused.getMessage().contains("chmod 600"), refused::getMessage);
            assertEquals(List.of("earlier"), lines(file), "a refused file is left as it was");
            assertEquals(permissions, permissions(file), "a refused file is not chmod-ed either");
        }
    }

    @Test
    void refusesADirectory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        IOException refused = assertThrows(IOException.class, () -> KeyLogFile.open(sub));
        assertTrue(refused.getMessage().contains("exists and is not a regular file"), refused::getMessage);
    }

    @Test
    void refusesASymbolicLinkEvenToAnOwnerOnlyFile() throws IOException {
        Path target = existing("target.log", "rw-------", "");
        Path link = Files.createSymbolicLink(dir.resolve("link.log"), target);
        IOException refused = assertThrows(IOException.class, () -> KeyLogFile.open(link));
        assertTrue(refused.getMessage().contains("symbolic link"), refused::getMessage);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.log"), dir.resolve("nowhere.log"));
        assertThrows(IOException.class, () -> KeyLogFile.open(dangling));
        assertFalse(Files.exists(dir.resolve("nowhere.log"), LinkOption.NOFOLLOW_LINKS),
                "a dangling link's target is never created");
    }

    @Test
    void refusesANamedPipe() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        IOException refused = assertThrows(IOException.class, () -> KeyLogFile.open(fifo));
        assertTrue(refused.getMessage().contains("not a regular file"), refused::getMessage);
    }

    @Test
    void refusesAMissingDirectory() {
        Path file = dir.resolve("missing").resolve("keys.log");
        IOException refused = assertThrows(IOException.class, () -> KeyLogFile.open(file));
        assertTrue(refused.getMessage().contains("directory " + dir.resolve("missing") + " does not exist"),
                refused::getMessage);
    }

    @Test
    void refusesADirectoryItCannotWriteTo() throws IOException {
        Path readOnly;
        if ("root".equals(System.getProperty("user.name"))) {
            // root writes to any directory whatever its mode; /proc/self refuses even root.
            readOnly = Paths.get("/proc/self");
            assumeTrue(Files.isDirectory(readOnly) && !Files.isWritable(readOnly), "no directory root cannot write");
        } else {
            readOnly = Files.createDirectory(dir.resolve("read-only"));
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        }
        IOException refused = assertThrows(IOException.class, () -> KeyLogFile.open(readOnly.resolve("keys.log")));
        assertTrue(refused.getMessage().contains("is not writable"), refused::getMessage);
    }

    @Test
    void ignoresLinesAfterClose() throws IOException {
        Path file = dir.resolve("keys.log");
        KeyLogFile log = KeyLogFile.open(file);
        log.close();
        log.log("CLIENT_RANDOM", random(0), secret(1));
        assertEquals(0, Files.size(file));
    }
}
