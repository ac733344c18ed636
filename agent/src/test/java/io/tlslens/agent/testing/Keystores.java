package io.tlslens.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed server credentials, made with the JDK's own keytool so no test depends on a crypto library for them. */
public final class Keystores {
    public static final String PASSWORD = "changeit";
    public static final String ALIAS = "server";

    private Keystores() {
    }

    /**
     * A PKCS12 keystore in {@code dir} holding one EC P-256 key and a self-signed certificate for CN=localhost with
     * SANs localhost and 127.0.0.1, valid from now for {@code validDays}. It doubles as the trust store.
     */
    public static Path selfSigned(Jdk jdk, Path dir, int validDays) {
        Path keystore = dir.resolve("server.p12");
        Path log = dir.resolve("keytool.log");
        List<String> command = List.of(jdk.tool("keytool").toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", Integer.toString(validDays), "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        try {
            Files.deleteIfExists(keystore);
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!keytool.waitFor(60, TimeUnit.SECONDS)) {
                keytool.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within 60s: " + command);
            }
            if (keytool.exitValue() != 0 || !Files.isRegularFile(keystore)) {
                throw new IllegalStateException("keytool failed (" + keytool.exitValue() + "): " + command + "\n"
                        + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
            }
            return keystore;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running keytool", e);
        }
    }
}
