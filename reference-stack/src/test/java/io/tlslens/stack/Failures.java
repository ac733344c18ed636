package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on how a connection fails: the alert it puts on the wire, and what the caller sees. */
final class Failures {
    private Failures() {
    }

    /** A handshake record any connection would accept, were it still open. */
    private static final byte[] ANY_RECORD = {22, 3, 3, 0, 4, 1, 0, 0, 0};

    /**
     * {@code step} throws a TlsAlertException for {@code alert}; the connection is closed both ways
     * and takes nothing more. Returns what it queued last, ending with the alert record.
     */
    static List<byte[]> assertFails(TlsConnection failing, int alert, Executable step) {
        TlsAlertException e = assertThrows(TlsAlertException.class, step);
        assertEquals(AlertDescription.name(alert), AlertDescription.name(e.alertDescription()), e.getMessage());
        assertTrue(failing.isInboundDone(), "inbound closed after the failure");
        assertFalse(failing.isHandshaking());
        List<byte[]> out = Loopback.takeRecords(failing);
        assertFalse(out.isEmpty(), "the alert was queued");
        assertTrue(failing.isOutboundDone(), "outbound done once the alert is taken");
        assertThrows(SSLException.class, () -> failing.processRecord(ByteBuffer.wrap(ANY_RECORD)));
        return out;
    }

    static byte[] last(List<byte[]> records) {
        return records.get(records.size() - 1);
    }

    /** The alert in a plaintext alert record. */
    static Alert plaintextAlert(byte[] record) throws Exception {
        TlsRecord decoded = TlsRecord.decode(record);
        assertEquals(ContentType.alert, decoded.contentType());
        return Alert.decode(decoded.fragment());
    }

    /** Delivers {@code records} to {@code peer} and checks that it reports the fatal alert it received. */
    static void assertPeerReceivesAlert(TlsConnection peer, List<byte[]> records, int alert) {
        SSLException e = assertThrows(SSLException.class, () -> Loopback.deliver(peer, records));
        assertTrue(e.getMessage().contains("Received fatal alert: " + AlertDescription.name(alert)), e.getMessage());
        assertTrue(peer.isInboundDone());
    }
}
