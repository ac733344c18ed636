package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tlslens.stack.tls13.KnownKeysMitm;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.TlsRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * Random damage to handshake messages, with fixed seeds: whatever a peer sends, a connection either
 * goes on or fails with a TlsAlertException and its alert queued — never another exception, never
 * a handshake that completes over a changed transcript.
 */
class MutationTest {
    private static final int ROUNDS = 150;

    @Test
    void damagedClientHelloEndsInAnAlertAndNeverInAgreement() throws Exception {
        Random random = new Random(8446);
        int refusals = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
            pair.client.beginHandshake();
            byte[] fragment = TlsRecord.decode(Loopback.takeRecords(pair.client).get(0)).fragment();
            byte[] damaged = damage(fragment, random);
            try {
                Loopback.deliver(pair.server, List.of(record(damaged)));
            } catch (TlsAlertException e) {
                assertClosedWithAlert(pair.server);
                refusals++;
                continue;
            } catch (SSLException | RuntimeException e) {
                fail("round " + round + ": " + e, e);
            }
            // the server took it (or waits for the rest of a message whose length grew): with
            // transcripts that differ, the two can never both complete
            try {
                pair.pump();
            } catch (SSLException e) {
                // one side refused, or received the other's refusal as an alert
                refusals++;
            }
            assertFalse(pair.client.isHandshakeComplete() && pair.server.isHandshakeComplete(), "round " + round);
        }
        assertTrue(refusals > ROUNDS / 2, refusals + " refusals");
    }

    @Test
    void damagedProtectedServerFlightAlwaysEndsInAnAlert() throws Exception {
        Random random = new Random(8448);
        for (int round = 0; round < ROUNDS; round++) {
            KnownKeysMitm middle = new KnownKeysMitm(CipherSuite.TLS_AES_128_GCM_SHA256);
            Loopback pair = new Loopback(TestConfigs.client().keyLog(middle.keyLog()).build(), TestConfigs.server().build());
            pair.client.beginHandshake();
            Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
            List<byte[]> flight = Loopback.takeRecords(pair.server);
            Loopback.deliver(pair.client, flight.subList(0, 1));
            List<byte[]> messages = new ArrayList<>(middle.open(flight, KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET));
            int which = random.nextInt(messages.size());
            messages.set(which, damage(messages.get(which), random));
            List<byte[]> forged = middle.reseal(flight, messages, KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET);
            try {
                Loopback.deliver(pair.client, forged.subList(1, forged.size()));
                // only a message whose length grew can leave the client waiting for more
                assertFalse(pair.client.isHandshakeComplete(), "round " + round + ": the client accepted a changed flight");
                assertTrue(Loopback.takeRecords(pair.client).isEmpty());
            } catch (TlsAlertException e) {
                assertClosedWithAlert(pair.client);
            } catch (SSLException | RuntimeException e) {
                fail("round " + round + ": " + e, e);
            }
        }
    }

    /** Flips one to three bytes, and one time in four cuts the tail off. */
    private static byte[] damage(byte[] message, Random random) {
        byte[] out = message.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
        }
        if (random.nextInt(4) == 0) {
            out = Arrays.copyOf(out, 1 + random.nextInt(out.length));
        }
        return out;
    }

    private static void assertClosedWithAlert(TlsConnection failed) {
        assertTrue(failed.isInboundDone());
        List<byte[]> out = Loopback.takeRecords(failed);
        assertFalse(out.isEmpty());
        assertTrue(failed.isOutboundDone());
    }

    private static byte[] record(byte[] fragment) {
        return new TlsRecord(ContentType.handshake, ProtocolVersion.TLSv1_2, fragment).encode();
    }
}
