package io.tlslens.agent.testing.apps;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * An application that ships its own, older copies of what the agent bundles — OpenTelemetry API+SDK, ByteBuddy, Bouncy
 * Castle — and relies on each of them, then does one TLS handshake with the JDK. Run on a classpath of test-classes plus
 * target/conflicting-deps/*.jar, never the test classpath. Prints one line per check and "OK", or a reason on stderr
 * and exits 1. The agent passes when this behaves the same with and without it.
 *
 * <p>Only JDK classes and the three libraries may be referenced here: the child JVM has nothing else.
 *
 * <p>Args: PKCS12 keystore (also the trust store), its password.
 */
public final class ConflictingDepsApp {
    // The versions agent/pom.xml copies into target/conflicting-deps (execution "conflicting-deps").
    static final String OTEL_VERSION = "1.60.0";
    static final String BYTEBUDDY_VERSION = "1.18.12";
    static final String BC_VERSION = "1.81";

    public static void main(String[] args) throws Exception {
        try {
            checkOpenTelemetry();
            checkByteBuddy();
            checkBouncyCastle();
            handshake(args[0], args[1].toCharArray());
        } catch (CheckFailed e) {
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("OK");
    }

    /** Its own SDK loaded, and GlobalOpenTelemetry its own to set: nobody (no agent) got there first. */
    private static void checkOpenTelemetry() {
        String sdkVersion = Resource.getDefault().getAttribute(AttributeKey.stringKey("telemetry.sdk.version"));
        require(OTEL_VERSION.equals(sdkVersion), "OpenTelemetry SDK " + sdkVersion + " loaded, expected "
                + OTEL_VERSION + " from " + location(Resource.class));
        CapturingExporter exporter = new CapturingExporter();
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
        try {
            GlobalOpenTelemetry.set(sdk);
        } catch (IllegalStateException e) {
            throw new CheckFailed("GlobalOpenTelemetry was already set before the application set it: " + e);
        }
        GlobalOpenTelemetry.getTracer("conflicting-deps-app").spanBuilder("app-span").setParent(Context.root())
                .startSpan().end();
        require(exporter.names().equals(List.of("app-span")),
                "spans through GlobalOpenTelemetry reached the app's SDK as " + exporter.names()
                        + ", expected [app-span]");
        tracerProvider.shutdown().join(5, TimeUnit.SECONDS);
        System.out.println("opentelemetry-sdk " + sdkVersion);
    }

    /** Its own ByteBuddy, able to define a class at run time. */
    private static void checkByteBuddy() throws Exception {
        String version = jarManifestValue(ByteBuddy.class, "Bundle-Version");
        require(BYTEBUDDY_VERSION.equals(version), "ByteBuddy " + version + " loaded, expected " + BYTEBUDDY_VERSION
                + " from " + location(ByteBuddy.class));
        Object generated = new ByteBuddy()
                .subclass(Object.class)
                .method(ElementMatchers.named("toString"))
                .intercept(FixedValue.value("made by byte-buddy"))
                .make()
                .load(ConflictingDepsApp.class.getClassLoader())
                .getLoaded()
                .getDeclaredConstructor()
                .newInstance();
        require("made by byte-buddy".equals(generated.toString()), "generated class returned " + generated);
        System.out.println("byte-buddy " + version);
    }

    /**
     * Its own Bouncy Castle provider, registered as "BC". Instantiated by name, as many applications do, because the
     * test sources compile without Bouncy Castle on the classpath; everything else is the JCA API.
     */
    private static void checkBouncyCastle() throws Exception {
        Provider ours = (Provider) Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider")
                .getConstructor().newInstance();
        Security.addProvider(ours);
        Provider registered = Security.getProvider("BC");
        require(registered == ours, "Security.getProvider(\"BC\") is " + describe(registered)
                + ", not the application's own " + describe(ours));
        require(BC_VERSION.equals(registered.getVersionStr()),
                "BC provider version " + registered.getVersionStr() + ", expected " + BC_VERSION);
        byte[] digest = MessageDigest.getInstance("SHA-256", registered).digest("abc".getBytes(StandardCharsets.UTF_8));
        String hex = toHex(digest);
        require(hex.equals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                "BC SHA-256(\"abc\") = " + hex);
        System.out.println("bcprov " + registered.getVersionStr());
    }

    /** One TLS handshake over loopback with the JDK's default SSLContext provider, then one byte each way. */
    private static void handshake(String keystorePath, char[] password) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Paths.get(keystorePath))) {
            keyStore.load(in, password);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, password);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(keyStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);

        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, loopback)) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serveOne(server));
            SSLSession session;
            try (SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket(loopback,
                    server.getLocalPort())) {
                client.setSoTimeout(10_000);
                client.startHandshake();
                session = client.getSession();
                client.getOutputStream().write(41);
                client.getOutputStream().flush();
                int answer = client.getInputStream().read();
                require(answer == 42, "server answered " + answer + ", expected 42");
            }
            served.get(10, TimeUnit.SECONDS);
            System.out.println("tls " + session.getProtocol() + " " + session.getCipherSuite());
        }
    }

    private static void serveOne(SSLServerSocket server) {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
            socket.setSoTimeout(10_000);
            int request = socket.getInputStream().read();
            socket.getOutputStream().write(request + 1);
            socket.getOutputStream().flush();
        } catch (Exception e) {
            throw new IllegalStateException("TLS server side failed", e);
        }
    }

    private static String jarManifestValue(Class<?> type, String attribute) throws Exception {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        require(source != null, type.getName() + " has no code source (bootstrap class path?)");
        try (JarFile jar = new JarFile(Paths.get(source.getLocation().toURI()).toFile())) {
            return jar.getManifest().getMainAttributes().getValue(attribute);
        }
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? "the bootstrap class path" : String.valueOf(source.getLocation());
    }

    private static String describe(Provider provider) {
        return provider == null ? "null"
                : provider.getClass().getName() + " " + provider.getVersionStr() + " from "
                        + location(provider.getClass());
    }

    private static String toHex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new CheckFailed(failure);
        }
    }

    private static final class CheckFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckFailed(String message) {
            super(message);
        }
    }

    /** Keeps ended spans in memory: the app checks its own SDK, with no exporter of its own to configure. */
    private static final class CapturingExporter implements SpanExporter {
        private final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            spans.forEach(span -> names.add(span.getName()));
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        List<String> names() {
            return List.copyOf(names);
        }
    }
}
