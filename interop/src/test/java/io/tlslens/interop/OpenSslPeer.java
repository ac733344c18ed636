package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.fail;

import io.tlslens.examples.net.OpensslProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code openssl s_server -rev} and {@code openssl s_client} as test peers, one process per server and per
 * client connection, configured only through their command lines (landscape §2.7) and observed only
 * through what they print.
 */
final class OpenSslPeer implements Peer {
    private static final Pattern CLIENT_SESSION = Pattern.compile("^(New|Reused), (\\S+), Cipher is (\\S+)$",
            Pattern.MULTILINE);
    private static final Pattern CLIENT_ALPN = Pattern.compile("^ALPN protocol: (\\S+)$", Pattern.MULTILINE);
    private static final Pattern CLIENT_PEER = Pattern.compile("^subject=.*?CN ?= ?([^,\\n]+)", Pattern.MULTILINE);
    private static final Pattern SERVER_CONNECTION = Pattern.compile(
            "CONNECTION ESTABLISHED\\n(.*?)CONNECTION CLOSED", Pattern.DOTALL);
    private static final Pattern SERVER_PROTOCOL = Pattern.compile("^Protocol version: (\\S+)$", Pattern.MULTILINE);
    private static final Pattern SERVER_CIPHER = Pattern.compile("^Ciphersuite: (\\S+)$", Pattern.MULTILINE);
    private static final Pattern SERVER_PEER = Pattern.compile("^Peer certificate: .*?CN ?= ?([^,\\n]+)",
            Pattern.MULTILINE);
    // s_server prints these to another stream than the connection summary, so they are matched in order
    // of appearance rather than inside a connection's block.
    private static final Pattern SERVER_ALPN = Pattern.compile("^ALPN protocols selected: (\\S+)$", Pattern.MULTILINE);
    /** -tlsextdebug's dump of server_name: list length, name type, name length, then the name (RFC 6066 §3). */
    private static final Pattern SERVER_SNI = Pattern.compile(
            "TLS client extension \"server name\" \\(id=0\\), len=\\d+\\n0000 - ((?:[0-9a-f]{2}[ -])+)");

    /** openssl's names of the TLS 1.2 suites under test, by IANA name; TLS 1.3 suites have their IANA names. */
    private static final Map<String, String> TLS12_SUITE_NAMES = Map.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305");

    private final Path keyLog;

    /** Peers that keep their secrets to themselves. */
    OpenSslPeer() {
        this(null);
    }

    private OpenSslPeer(Path keyLog) {
        this.keyLog = keyLog;
    }

    /** The same peer, writing the secrets of its connections to {@code file} (NSS key log format). */
    OpenSslPeer loggingKeysTo(Path file) {
        return new OpenSslPeer(file);
    }

    @Override
    public String name() {
        return "openssl";
    }

    @Override
    public Server serve(Settings settings, int connections) throws Exception {
        requireOpenssl();
        Path pem = Pkis.directory(settings.pki());
        String certificate = settings.credential().name() + ".pem";
        String key = settings.credential().name() + "-key.pem";
        List<String> args = new ArrayList<>(List.of("-naccept", String.valueOf(connections), "-rev",
                "-cert", pem.resolve(certificate).toString(), "-key", pem.resolve(key).toString(),
                "-cert_chain", pem.resolve("intermediate-ca.pem").toString()));
        common(args, settings);
        if (!settings.applicationProtocols().isEmpty()) {
            args.addAll(List.of("-alpn", String.join(",", settings.applicationProtocols())));
        }
        if (settings.needClientAuth()) {
            args.addAll(List.of("-Verify", "2", "-CAfile", pem.resolve("root-ca.pem").toString(),
                    "-verify_return_error"));
        }
        if (settings.serverName() != null) {
            // s_server matches and reports a name only by switching to a second context (-servername, -cert2),
            // which has neither the chain nor ALPN; so it accepts any name and hex-dumps the extension.
            args.add("-tlsextdebug");
        }
        OpensslProcess.Listening listening = OpensslProcess.startServer(pem, args);
        OpensslProcess process = listening.process();
        return new Server() {
            @Override
            public int port() {
                return listening.port();
            }

            @Override
            public List<Seen> finish() throws IOException {
                process.awaitSuccess(TIMEOUT);
                return parseServer(process.output(), connections);
            }

            @Override
            public void close() {
                process.close();
            }
        };
    }

    private static List<Seen> parseServer(String output, int connections) {
        List<String> alpn = all(SERVER_ALPN, output);
        List<String> sni = all(SERVER_SNI, output);
        List<Seen> seen = new ArrayList<>();
        Matcher connection = SERVER_CONNECTION.matcher(output);
        while (connection.find()) {
            String block = connection.group(1);
            int index = seen.size();
            seen.add(new Seen(first(SERVER_PROTOCOL, block), ianaName(first(SERVER_CIPHER, block)),
                    index < alpn.size() ? alpn.get(index) : "", first(SERVER_PEER, block),
                    sni.isEmpty() ? null : hostName(sni.get(sni.size() - 1)),
                    null, // s_server -rev does not say which connection resumed
                    // -rev prints nothing of what it receives: the reversed reply is its receipt.
                    null, !block.contains("ERROR")));
        }
        if (seen.size() != connections) {
            throw new AssertionError("openssl s_server reported " + seen.size() + " of " + connections
                    + " connections:\n" + output);
        }
        return seen;
    }

    /** The host name in the first line of a hex dump of a server_name extension with one short name. */
    private static String hostName(String hexDump) {
        String[] octets = hexDump.trim().split("[ -]+");
        StringBuilder name = new StringBuilder();
        for (int i = 5; i < octets.length; i++) {
            name.append((char) Integer.parseInt(octets[i], 16));
        }
        return name.toString();
    }

    @Override
    public Client client(Settings settings) throws Exception {
        requireOpenssl();
        Path pem = Pkis.directory(settings.pki());
        Path session = Files.createTempFile(Pkis.workDirectory(), "openssl-session-", ".pem");
        Files.delete(session); // s_client -sess_in must not read an empty file: the first connection is new
        return new Client() {
            @Override
            public Seen exchange(int port, String request) throws Exception {
                List<String> args = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                        "-CAfile", pem.resolve("root-ca.pem").toString(), "-verify_return_error",
                        "-sess_out", session.toString()));
                if (Files.exists(session)) {
                    args.addAll(List.of("-sess_in", session.toString()));
                }
                common(args, settings);
                if (!settings.applicationProtocols().isEmpty()) {
                    args.addAll(List.of("-alpn", String.join(",", settings.applicationProtocols())));
                }
                if (settings.serverName() == null) {
                    args.addAll(List.of("-noservername", "-verify_ip", "127.0.0.1"));
                } else {
                    args.addAll(List.of("-servername", settings.serverName(),
                            "-verify_hostname", settings.serverName()));
                }
                if (settings.credential() != null) {
                    String name = settings.credential().name();
                    args.addAll(List.of("-cert", pem.resolve(name + ".pem").toString(),
                            "-key", pem.resolve(name + "-key.pem").toString(),
                            "-cert_chain", pem.resolve("intermediate-ca.pem").toString()));
                }
                return runClient(args, request, pem);
            }

            @Override
            public void close() throws IOException {
                Files.deleteIfExists(session);
            }
        };
    }

    /**
     * Runs one s_client: sends the request once connected, waits for the reply, then ends its input, which
     * makes it send close_notify and exit.
     */
    private static Seen runClient(List<String> command, String request, Path directory) throws Exception {
        Path output = Files.createTempFile(directory, "openssl-s_client-", ".out");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        String reply = Peer.reply(request);
        // s_client prints what it receives raw, wherever its other output (session dumps) has got to.
        Pattern replyLine = Pattern.compile(Pattern.quote(reply));
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((request + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (!replyLine.matcher(read(output)).find() && process.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } catch (IOException e) {
                // s_client exited before reading its input; its status and output say why
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("openssl s_client did not exit within " + TIMEOUT + ":\n" + read(output));
            }
            String printed = read(output);
            if (process.exitValue() != 0) {
                throw new AssertionError("openssl s_client exited with " + process.exitValue() + ":\n" + printed);
            }
            Matcher session = CLIENT_SESSION.matcher(printed);
            if (!session.find()) {
                throw new AssertionError("openssl s_client printed no session summary:\n" + printed);
            }
            String alpn = first(CLIENT_ALPN, printed);
            return new Seen(session.group(2), ianaName(session.group(3)), alpn == null ? "" : alpn,
                    first(CLIENT_PEER, printed),
                    null, session.group(1).equals("Reused"), replyLine.matcher(printed).find() ? reply : null, false);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Fails, rather than skips, without openssl: CI installs it, and a skipped interop test tests nothing. */
    private static void requireOpenssl() {
        OpensslProcess.unavailableReason().ifPresent(reason -> fail(reason
                + "; install it (Debian/Ubuntu: apt-get install openssl; CI's .ci/run does)"));
    }

    /** The options both roles share: versions, suites, groups, signature schemes, tickets, key log. */
    private void common(List<String> args, Settings settings) {
        List<TlsVersion> versions = settings.versions();
        if (versions.size() == 1) {
            args.add(versions.get(0).opensslOption());
        } else {
            args.addAll(List.of("-min_protocol", versions.get(versions.size() - 1).jsseName(),
                    "-max_protocol", versions.get(0).jsseName()));
        }
        if (keyLog != null) {
            args.addAll(List.of("-keylogfile", keyLog.toString()));
        }
        // TLS 1.3 suites and TLS 1.2 ones are separate options, and the latter take openssl's names.
        List<String> tls12Suites = settings.cipherSuites().stream().filter(TLS12_SUITE_NAMES::containsKey)
                .map(TLS12_SUITE_NAMES::get).collect(Collectors.toList());
        List<String> tls13Suites = settings.cipherSuites().stream().filter(s -> !TLS12_SUITE_NAMES.containsKey(s))
                .collect(Collectors.toList());
        if (!tls12Suites.isEmpty()) {
            args.addAll(List.of("-cipher", String.join(":", tls12Suites)));
        }
        if (!tls13Suites.isEmpty()) {
            args.addAll(List.of("-ciphersuites", String.join(":", tls13Suites)));
        }
        if (!settings.sessionTickets()) {
            args.add("-no_ticket");
        }
        if (!settings.groups().isEmpty()) {
            args.addAll(List.of("-groups", String.join(":", settings.groups())));
        }
        if (!settings.signatureSchemes().isEmpty()) {
            args.addAll(List.of("-sigalgs", String.join(":", settings.signatureSchemes())));
        }
    }

    /** The IANA name of a suite openssl printed by its own name. */
    private static String ianaName(String opensslName) {
        return TLS12_SUITE_NAMES.entrySet().stream().filter(e -> e.getValue().equals(opensslName))
                .map(Map.Entry::getKey).findFirst().orElse(opensslName);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Override
    public String toString() {
        return name();
    }
}
