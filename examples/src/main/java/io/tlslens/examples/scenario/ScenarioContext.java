package io.tlslens.examples.scenario;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What scenarios share within one run: a PKI per key type, made on first use, and its PEM files in a
 * temporary directory for openssl peers, removed on {@link #close()}.
 */
public final class ScenarioContext implements AutoCloseable {
    private final Map<KeyType, Pki> pkis = new EnumMap<>(KeyType.class);
    private final Map<KeyType, Path> pemDirectories = new EnumMap<>(KeyType.class);
    private Path workDirectory;

    public synchronized Pki pki(KeyType keyType) throws GeneralSecurityException {
        Pki pki = pkis.get(keyType);
        if (pki == null) {
            pki = new Pki(keyType);
            pkis.put(keyType, pki);
        }
        return pki;
    }

    /** The PKI of {@code keyType} written as files ({@link Pki#writeTo}). */
    public synchronized Path pemDirectory(KeyType keyType) throws IOException, GeneralSecurityException {
        Path directory = pemDirectories.get(keyType);
        if (directory == null) {
            directory = pki(keyType).writeTo(workDirectory().resolve("pki-" + keyType.label()));
            pemDirectories.put(keyType, directory);
        }
        return directory;
    }

    /** A private temporary directory for this run (openssl output, PEM files). */
    public synchronized Path workDirectory() throws IOException {
        if (workDirectory == null) {
            workDirectory = Files.createTempDirectory("tlslens-examples-");
        }
        return workDirectory;
    }

    @Override
    public synchronized void close() throws IOException {
        if (workDirectory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(ScenarioContext::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        workDirectory = null;
        pemDirectories.clear();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
