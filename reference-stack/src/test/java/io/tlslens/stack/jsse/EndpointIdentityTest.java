package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/** Host name matching for trust managers that do not identify endpoints themselves (RFC 6125). */
class EndpointIdentityTest {
    private static final X509Certificate WILDCARD = CA.issue("CN=ignored.example", TestPki.ecKeyPair(),
            new GeneralName(GeneralName.dNSName, "*.example.com"),
            new GeneralName(GeneralName.dNSName, "*.com"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")).leaf;
    private static final X509Certificate COMMON_NAME_ONLY = CA.issue("CN=legacy.example.org", TestPki.ecKeyPair()).leaf;

    @Test
    void wildcardCoversExactlyOneLeftMostLabel() {
        assertDoesNotThrow(() -> EndpointIdentity.match("www.example.com", WILDCARD));
        assertDoesNotThrow(() -> EndpointIdentity.match("WWW.Example.COM.", WILDCARD));
        assertThrows(CertificateException.class, () -> EndpointIdentity.match("example.com", WILDCARD));
        assertThrows(CertificateException.class, () -> EndpointIdentity.match("a.b.example.com", WILDCARD));
    }

    @Test
    void wildcardNeverCoversATopLevelDomain() {
        assertThrows(CertificateException.class, () -> EndpointIdentity.match("example.com", WILDCARD));
        assertThrows(CertificateException.class, () -> EndpointIdentity.match("other.com", WILDCARD));
    }

    @Test
    void addressesMatchOnlyAddressNames() {
        assertDoesNotThrow(() -> EndpointIdentity.match("127.0.0.1", WILDCARD));
        assertThrows(CertificateException.class, () -> EndpointIdentity.match("127.0.0.2", WILDCARD));
        assertThrows(CertificateException.class, () -> EndpointIdentity.match("127.0.0.1", COMMON_NAME_ONLY));
    }

    @Test
    void commonNameCountsOnlyWithoutDnsNames() {
        assertDoesNotThrow(() -> EndpointIdentity.match("legacy.example.org", COMMON_NAME_ONLY));
        assertThrows(CertificateException.class, () -> EndpointIdentity.match("ignored.example", WILDCARD));
    }

    @Test
    void unknownIdentificationAlgorithmIsRefused() {
        NullSession session = new NullSession("www.example.com", 443);
        assertThrows(CertificateException.class, () -> EndpointIdentity.check(session, WILDCARD, "FTPS", false));
        assertDoesNotThrow(() -> EndpointIdentity.check(session, WILDCARD, "HTTPS", false));
    }
}
