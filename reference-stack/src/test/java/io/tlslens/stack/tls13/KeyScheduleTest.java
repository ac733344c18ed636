package io.tlslens.stack.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.KeyLog;
import io.tlslens.stack.crypto.BcTlsCrypto;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What RFC 8448 does not show: KeyUpdate, the exporter, psk_ke, the SHA-384 and ChaCha20 suites,
 * the reporting rules, and secrets kept out of toString. The expected values come from Bouncy
 * Castle's own HKDF with the HkdfLabel written out by hand here.
 */
class KeyScheduleTest {
    private static final BcTlsCrypto CRYPTO = new BcTlsCrypto();
    private static final byte[] CLIENT_RANDOM = new byte[32];
    private final SecretRecorder recorder = new SecretRecorder();

    @Test
    void keyUpdateDerivesTrafficUpdAndTellsOnlyTheObserver() throws Exception {
        MasterSecret master = master(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, recorder, recorder);
        TrafficSecret client0 = master.clientApplicationTrafficSecret(random(32));
        TrafficSecret client1 = client0.next();
        TrafficSecret client2 = client1.next();
        assertArrayEquals(expandLabel(new SHA256Digest(), client0.secret(), "traffic upd", new byte[0], 32), client1.secret());
        assertArrayEquals(expandLabel(new SHA256Digest(), client1.secret(), "traffic upd", new byte[0], 32), client2.secret());
        assertEquals("CLIENT_TRAFFIC_SECRET_2", client2.label());
        assertFalse(MessageDigest.isEqual(client1.keys().key(), client0.keys().key()));

        assertEquals(List.of(KeyLog.CLIENT_TRAFFIC_SECRET_0), List.copyOf(recorder.keyLog.keySet()));
        assertEquals(List.of(KeyLog.CLIENT_TRAFFIC_SECRET_0, "CLIENT_TRAFFIC_SECRET_1", "CLIENT_TRAFFIC_SECRET_2"),
                recorder.observed);
        assertEquals("SERVER_TRAFFIC_SECRET_1", master.serverApplicationTrafficSecret(random(32)).next().label());
    }

    @Test
    void handshakeAndEarlyTrafficSecretsHaveNoUpdate() throws Exception {
        EarlySecret early = schedule(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, recorder, recorder).withPsk(random(32));
        assertThrows(IllegalStateException.class, () -> early.clientEarlyTrafficSecret(random(32)).next());
        HandshakeSecret handshake = early.handshake(random(32));
        assertThrows(IllegalStateException.class, () -> handshake.serverHandshakeTrafficSecret(random(32)).next());
    }

    /** RFC 8446 §7.5, with the exporter secret from the schedule and the rest written out by hand. */
    @Test
    void exporter() throws Exception {
        ExporterSecret exporter = master(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, recorder, recorder)
                .exporterMasterSecret(random(32));
        byte[] context = "context".getBytes(StandardCharsets.US_ASCII);
        byte[] labelSecret = expandLabel(new SHA256Digest(), exporter.secret(), "EXPORTER-test",
                MessageDigest.getInstance("SHA-256").digest(), 32);
        byte[] expected = expandLabel(new SHA256Digest(), labelSecret, "exporter",
                MessageDigest.getInstance("SHA-256").digest(context), 42);
        assertArrayEquals(expected, exporter.export("EXPORTER-test", context, 42));
        assertArrayEquals(exporter.export("EXPORTER-test", new byte[0], 16), exporter.export("EXPORTER-test", null, 16));
        assertNotEquals(Hex.toHexString(exporter.export("EXPORTER-test", context, 16)),
                Hex.toHexString(exporter.export("EXPORTER-other", context, 16)));
        assertTrue(recorder.keyLog.containsKey(KeyLog.EXPORTER_SECRET));
        // an HkdfLabel holds 255 bytes of label ("tls13 " included)
        exporter.export("x".repeat(249), context, 16);
        assertThrows(IllegalArgumentException.class, () -> exporter.export("x".repeat(250), context, 16));
    }

    /** psk_ke: no (EC)DHE, so the handshake secret extracts HashLen zeros. */
    @Test
    void pskOnlyHandshakeUsesZeros() {
        byte[] psk = random(48);
        KeySchedule schedule = schedule(Tls13CipherSuite.TLS_AES_256_GCM_SHA384, KeyLog.NONE, HandshakeObserver.NONE);
        assertArrayEquals(schedule.withPsk(psk).handshake(new byte[48]).secret(), schedule.withPsk(psk).handshake(null).secret());
    }

    @Test
    void externalAndResumptionBindersDiffer() {
        EarlySecret early = schedule(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, KeyLog.NONE, HandshakeObserver.NONE)
                .withPsk(random(32));
        byte[] hash = random(32);
        byte[] external = early.binder(EarlySecret.PskKind.EXTERNAL, hash);
        assertFalse(MessageDigest.isEqual(external, early.binder(EarlySecret.PskKind.RESUMPTION, hash)));
        assertTrue(early.binderMatches(EarlySecret.PskKind.EXTERNAL, hash, external));
        external[0] ^= 1;
        assertFalse(early.binderMatches(EarlySecret.PskKind.EXTERNAL, hash, external));
    }

    @ParameterizedTest
    @EnumSource(Tls13CipherSuite.class)
    void everySuiteDerivesKeysOfItsLengths(Tls13CipherSuite suite) {
        MasterSecret master = master(suite, KeyLog.NONE, HandshakeObserver.NONE);
        int hashLength = suite.hash(CRYPTO).length();
        TrafficSecret secret = master.serverApplicationTrafficSecret(random(hashLength));
        assertEquals(hashLength, secret.secret().length);
        assertEquals(suite.keyLength(), secret.keys().key().length);
        assertEquals(12, secret.keys().iv().length);
        assertEquals(hashLength, secret.finishedVerifyData(random(hashLength)).length);
        assertEquals(hashLength, master.resumptionMasterSecret(random(hashLength)).psk(new byte[] {0}).length);
        assertArrayEquals(expandLabel(digest(suite), secret.secret(), "key", new byte[0], suite.keyLength()),
                secret.keys().key());
        assertEquals(suite, secret.cipherSuite());
    }

    /** A key log or observer that throws costs the line, never the handshake. */
    @Test
    void aThrowingKeyLogOrObserverDoesNotStopTheSchedule() {
        KeyLog brokenLog = (label, random, secret) -> {
            throw new IllegalStateException("disk full");
        };
        HandshakeObserver brokenObserver = new HandshakeObserver() {
            @Override
            public void secretDerived(String label) {
                throw new IllegalStateException("bug");
            }
        };
        MasterSecret master = master(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, brokenLog, brokenObserver);
        assertEquals(32, master.clientApplicationTrafficSecret(random(32)).secret().length);
    }

    @Test
    void theKeyLogGetsCopies() {
        MasterSecret master = master(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, recorder, recorder);
        TrafficSecret secret = master.serverApplicationTrafficSecret(random(32));
        byte[] logged = recorder.keyLog.get(KeyLog.SERVER_TRAFFIC_SECRET_0);
        logged[0] ^= 1;
        assertFalse(MessageDigest.isEqual(logged, secret.secret()));
    }

    @Test
    void noSecretInToString() {
        KeySchedule schedule = schedule(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, KeyLog.NONE, HandshakeObserver.NONE);
        EarlySecret early = schedule.withPsk(random(32));
        HandshakeSecret handshake = early.handshake(random(32));
        MasterSecret master = handshake.master();
        TrafficSecret traffic = master.clientApplicationTrafficSecret(random(32));
        ExporterSecret exporter = master.exporterMasterSecret(random(32));
        ResumptionMasterSecret resumption = master.resumptionMasterSecret(random(32));
        TrafficKeys keys = traffic.keys();
        String all = List.of(schedule, early, handshake, master, traffic, exporter, resumption, keys).toString();
        for (byte[] secret : List.of(early.secret(), handshake.secret(), master.secret(), traffic.secret(),
                exporter.secret(), resumption.secret(), keys.key(), keys.iv())) {
            String hex = Hex.toHexString(secret);
            assertFalse(all.toLowerCase().contains(hex.substring(0, 8)), all);
        }
        assertEquals("TrafficSecret{CLIENT_TRAFFIC_SECRET_0, TLS_AES_128_GCM_SHA256}", traffic.toString());
    }

    private static KeySchedule schedule(Tls13CipherSuite suite, KeyLog keyLog, HandshakeObserver observer) {
        return new KeySchedule(CRYPTO, suite, CLIENT_RANDOM, keyLog, observer);
    }

    private static MasterSecret master(Tls13CipherSuite suite, KeyLog keyLog, HandshakeObserver observer) {
        return schedule(suite, keyLog, observer).withoutPsk().handshake(random(32)).master();
    }

    private static Digest digest(Tls13CipherSuite suite) {
        return suite.hashName().equals("SHA-384") ? new SHA384Digest() : new SHA256Digest();
    }

    /** HKDF-Expand-Label with the HkdfLabel built here and Bouncy Castle's HKDF, as an independent check. */
    private static byte[] expandLabel(Digest digest, byte[] secret, String label, byte[] context, int length) {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        info.write(length >> 8);
        info.write(length);
        info.write(fullLabel.length);
        info.writeBytes(fullLabel);
        info.write(context.length);
        info.writeBytes(context);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(digest);
        hkdf.init(HKDFParameters.skipExtractParameters(secret, info.toByteArray()));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        new SecureRandom().nextBytes(out);
        return out;
    }
}
