package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Negotiated;
import io.tlslens.observe.Observation;
import io.tlslens.stack.KeyLog;
import io.tlslens.wire.NamedGroup;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider itself: how it is found, its contexts, default parameters, and how SSLParameters reach the core. */
class ProviderTest {

    @Test
    void serviceLoaderFindsTheProvider() {
        List<String> names = StreamSupport.stream(ServiceLoader.load(Provider.class).spliterator(), false)
                .map(Provider::getName).collect(Collectors.toList());

        assertTrue(names.contains(TlsLensProvider.NAME), names.toString());
    }

    @Test
    void contextsAreRegisteredUnderTheirStandardNames() throws Exception {
        Provider provider = new TlsLensProvider();
        for (String protocol : List.of("TLS", "TLSv1.3", "Default")) {
            SSLContext context = SSLContext.getInstance(protocol, provider);
            assertEquals(TlsLensProvider.NAME, context.getProvider().getName());
        }
    }

    @Test
    void defaultParametersNameWhatTheCoreSupports() throws Exception {
        SSLParameters defaults = TestPki.tlsLens(null, CA.trustManagers()).getDefaultSSLParameters();

        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, defaults.getProtocols());
        assertArrayEquals(new String[] {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"},
            defaults.getCipherSuites());
        assertNotNull(defaults.getApplicationProtocols());
    }

    @Test
    void defaultContextRefusesInitAndUsesTheKeyStoreProperties(@TempDir Path dir) throws Exception {
        Path keyStore = dir.resolve("server.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", SERVER.key, "secret".toCharArray(), new X509Certificate[] {SERVER.leaf, CA.certificate()});
        try (OutputStream out = Files.newOutputStream(keyStore)) {
            store.store(out, "secret".toCharArray());
        }
        System.setProperty("javax.net.ssl.keyStore", keyStore.toString());
        System.setProperty("javax.net.ssl.keyStorePassword", "secret");
        System.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        SSLContext defaultContext;
        try {
            defaultContext = SSLContext.getInstance("Default", new TlsLensProvider());
        } finally {
            System.clearProperty("javax.net.ssl.keyStore");
            System.clearProperty("javax.net.ssl.keyStorePassword");
            System.clearProperty("javax.net.ssl.keyStoreType");
        }

        assertThrows(KeyManagementException.class, () -> defaultContext.init(null, null, null));
        EngineLoop loop = new EngineLoop(TestPki.sunJsse(null, CA.trustManagers()).createSSLEngine("localhost", 443),
                defaultContext.createSSLEngine()).handshake();
        assertEquals(SERVER.leaf, loop.client.getSession().getPeerCertificates()[0]);
    }

    @Test
    void keyLogReceivesTheSecretsOfNewConnections() throws Exception {
        List<String> labels = new CopyOnWriteArrayList<>();
        TlsLensProvider.keyLog((label, clientRandom, secret) -> labels.add(label));
        try {
            lensClientToSun(engine -> { }).handshake();
        } finally {
            TlsLensProvider.keyLog(KeyLog.NONE);
        }

        assertTrue(labels.containsAll(List.of(KeyLog.CLIENT_HANDSHAKE_TRAFFIC_SECRET, KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET,
                KeyLog.CLIENT_TRAFFIC_SECRET_0, KeyLog.SERVER_TRAFFIC_SECRET_0)), labels.toString());
    }

    @Test
    void enabledCipherSuitesKeepTheSupportedOnesAndReachTheCore() throws Exception {
        EngineLoop loop = lensClientToSun(engine -> engine.setEnabledCipherSuites(new String[] {
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256"}));

        assertArrayEquals(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"},
                loop.client.getEnabledCipherSuites());
        loop.handshake();
        assertEquals("TLS_AES_256_GCM_SHA384", loop.client.getSession().getCipherSuite());
    }

    @Test
    void noEnabledProtocolFailsTheHandshakeLikeSunJsse() {
        EngineLoop loop = lensClientToSun(engine -> engine.setEnabledProtocols(new String[] {"TLSv1.1"}));

        SSLHandshakeException failure = assertThrows(SSLHandshakeException.class, loop.client::beginHandshake);

        assertTrue(failure.getMessage().startsWith("No appropriate protocol"), failure.getMessage());
    }

    /** SSLParameters.setNamedGroups exists from JDK 20: there it chooses the key share; before, x25519 stays. */
    @Test
    void namedGroupsFromSslParametersReachTheCoreWhereTheJdkHasThem() throws Exception {
        AtomicReference<Negotiated> negotiated = new AtomicReference<>();
        Observation.install(connection -> !connection.isClient() ? HandshakeObserver.NONE : new HandshakeObserver() {
            @Override
            public void established(Negotiated result) {
                negotiated.set(result);
            }
        });
        try {
            lensClientToSun(engine -> {
                SSLParameters parameters = engine.getSSLParameters();
                NewerParameters.namedGroups(parameters, new String[] {"secp384r1"});
                engine.setSSLParameters(parameters);
            }).handshake();
        } finally {
            Observation.reset();
        }

        int expected = Runtime.version().feature() >= 20 ? NamedGroup.secp384r1 : NamedGroup.x25519;
        assertEquals(expected, negotiated.get().group().getAsInt());
    }

    @Test
    void namedGroupsPropertyLimitsTheGroups() throws Exception {
        AtomicReference<Negotiated> negotiated = new AtomicReference<>();
        Observation.install(connection -> !connection.isClient() ? HandshakeObserver.NONE : new HandshakeObserver() {
            @Override
            public void established(Negotiated result) {
                negotiated.set(result);
            }
        });
        lensClientToSun(engine -> { }).handshake(); // SunJSSE reads the property once: not from this test
        System.setProperty("jdk.tls.namedGroups", "\"secp256r1, x448\"");
        try {
            lensClientToSun(engine -> { }).handshake();
        } finally {
            System.clearProperty("jdk.tls.namedGroups");
            Observation.reset();
        }

        assertEquals(NamedGroup.secp256r1, negotiated.get().group().getAsInt(), "x448 is not supported: dropped");
    }

    /**
     * SSLParameters.setAlgorithmConstraints narrows one connection's groups and signature schemes, as
     * in SunJSSE, which asks the constraints about each by its TLS name.
     */
    @Test
    void algorithmConstraintsNarrowTheGroupsAndSignatureSchemes() throws Exception {
        Set<String> permitted = Set.of("secp384r1", "ecdsa_secp256r1_sha256", "rsa_pss_rsae_sha256");
        AlgorithmConstraints onlyThese = new AlgorithmConstraints() {
            @Override
            public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
                // TLS names only: the trust manager asks about the chain's Java names (SHA256withECDSA), which pass
                return !algorithm.matches("x25519|x448|secp\\d+r1|ffdhe\\d+|(ecdsa|rsa)_.+|ed25519|ed448")
                        || permitted.contains(algorithm);
            }

            @Override
            public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
                return true;
            }

            @Override
            public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key,
                    AlgorithmParameters parameters) {
                return permits(primitives, algorithm, parameters);
            }
        };
        AtomicReference<Negotiated> negotiated = new AtomicReference<>();
        Observation.install(connection -> !connection.isClient() ? HandshakeObserver.NONE : new HandshakeObserver() {
            @Override
            public void established(Negotiated result) {
                negotiated.set(result);
            }
        });
        EngineLoop loop;
        try {
            loop = lensClientToSun(engine -> {
                SSLParameters parameters = engine.getSSLParameters();
                parameters.setAlgorithmConstraints(onlyThese);
                engine.setSSLParameters(parameters);
            }).handshake();
        } finally {
            Observation.reset();
        }

        assertEquals(NamedGroup.secp384r1, negotiated.get().group().getAsInt());
        assertArrayEquals(new String[] {"SHA256withECDSA", "RSASSA-PSS"},
                ((ExtendedSSLSession) loop.client.getSession()).getLocalSupportedSignatureAlgorithms());
    }

    private static EngineLoop lensClientToSun(java.util.function.Consumer<SSLEngine> configure) {
        SSLEngine client = TestPki.tlsLens(null, CA.trustManagers()).createSSLEngine("localhost", 443);
        configure.accept(client);
        return new EngineLoop(client, TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers()).createSSLEngine());
    }
}
