package io.tlslens.agent.keylog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JsseKeyLabelsTest {

    @Test
    void tls12AndEarlierLogTheMasterSecretWhateverItsAlgorithm() {
        assertEquals("CLIENT_RANDOM", JsseKeyLabels.nssLabel("TLS12", "TlsMasterSecret"));
        assertEquals("CLIENT_RANDOM", JsseKeyLabels.nssLabel("TLS10", "TlsMasterSecret"));
        assertEquals("CLIENT_RANDOM", JsseKeyLabels.nssLabel("SSL30", "SunTls12MasterSecret"));
    }

    @Test
    void tls13TrafficSecretsByTheJdksLabel() {
        assertEquals("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                JsseKeyLabels.nssLabel("TLS13", "TlsClientHandshakeTrafficSecret"));
        assertEquals("SERVER_HANDSHAKE_TRAFFIC_SECRET",
                JsseKeyLabels.nssLabel("TLS13", "TlsServerHandshakeTrafficSecret"));
        assertEquals("CLIENT_TRAFFIC_SECRET_0", JsseKeyLabels.nssLabel("TLS13", "TlsClientAppTrafficSecret"));
        assertEquals("SERVER_TRAFFIC_SECRET_0", JsseKeyLabels.nssLabel("TLS13", "TlsServerAppTrafficSecret"));
        assertEquals("EXPORTER_SECRET", JsseKeyLabels.nssLabel("TLS13", "TlsExporterMasterSecret"));
    }

    @Test
    void secretsWithoutALineOfTheirOwn() {
        assertNull(JsseKeyLabels.nssLabel("TLS13", "TlsUpdateNplus1"));
        assertNull(JsseKeyLabels.nssLabel("TLS13", "TlsMasterSecret"));
        assertNull(JsseKeyLabels.nssLabel("TLS13", null));
        assertNull(JsseKeyLabels.nssLabel("DTLS14", "TlsMasterSecret"));
        assertNull(JsseKeyLabels.nssLabel(null, "TlsMasterSecret"));
    }
}
