package io.tlslens.examples.scenario;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.scenario.failure.ClientCertificateRejectedScenario;
import io.tlslens.examples.scenario.failure.ClientCertificateRequiredScenario;
import io.tlslens.examples.scenario.failure.ExpiredCertificateScenario;
import io.tlslens.examples.scenario.failure.HandshakeTimeoutScenario;
import io.tlslens.examples.scenario.failure.HostnameMismatchScenario;
import io.tlslens.examples.scenario.failure.MalformedServerHelloScenario;
import io.tlslens.examples.scenario.failure.MissingIntermediateScenario;
import io.tlslens.examples.scenario.failure.NoCommonApplicationProtocolScenario;
import io.tlslens.examples.scenario.failure.NoCommonCipherSuiteScenario;
import io.tlslens.examples.scenario.failure.NoCommonGroupScenario;
import io.tlslens.examples.scenario.failure.NoCommonSignatureAlgorithmScenario;
import io.tlslens.examples.scenario.failure.NotTlsScenario;
import io.tlslens.examples.scenario.failure.NotYetValidCertificateScenario;
import io.tlslens.examples.scenario.failure.OcspNotStapledScenario;
import io.tlslens.examples.scenario.failure.PeerClosedScenario;
import io.tlslens.examples.scenario.failure.ProtocolVersionMismatchScenario;
import io.tlslens.examples.scenario.failure.RevokedCertificateScenario;
import io.tlslens.examples.scenario.failure.SelfSignedScenario;
import io.tlslens.examples.scenario.failure.UnknownCaScenario;
import io.tlslens.examples.scenario.failure.UnrecognizedServerNameScenario;
import io.tlslens.examples.scenario.good.AlpnScenario;
import io.tlslens.examples.scenario.good.BasicHandshakeScenario;
import io.tlslens.examples.scenario.good.EngineScenario;
import io.tlslens.examples.scenario.good.HttpClientScenario;
import io.tlslens.examples.scenario.good.HttpsUrlConnectionScenario;
import io.tlslens.examples.scenario.good.MutualTlsScenario;
import io.tlslens.examples.scenario.good.OpensslClientScenario;
import io.tlslens.examples.scenario.good.OpensslServerScenario;
import io.tlslens.examples.scenario.good.ResumptionScenario;
import io.tlslens.examples.scenario.good.SlowKeyManagerScenario;
import io.tlslens.examples.scenario.good.SlowTrustManagerScenario;
import io.tlslens.examples.scenario.good.SniScenario;
import java.util.List;
import java.util.Optional;

/** The catalogue: every scenario, good ones first, in the order the gallery runs them. */
public final class Scenarios {
    private static final String TLS13 = "TLSv1.3";
    private static final String TLS12 = "TLSv1.2";

    private static final List<Scenario> ALL = List.of(
            new BasicHandshakeScenario(TLS13, KeyType.EC_P256),
            new BasicHandshakeScenario(TLS12, KeyType.EC_P256),
            new BasicHandshakeScenario(TLS13, KeyType.EC_P384),
            new BasicHandshakeScenario(TLS13, KeyType.RSA_2048),
            new BasicHandshakeScenario(TLS12, KeyType.RSA_2048),
            new BasicHandshakeScenario(TLS13, KeyType.ED25519),
            new AlpnScenario(),
            new MutualTlsScenario(TLS13),
            new MutualTlsScenario(TLS12),
            new ResumptionScenario(TLS13),
            new ResumptionScenario(TLS12),
            new SniScenario(),
            new SlowTrustManagerScenario(),
            new SlowKeyManagerScenario(),
            new EngineScenario(TLS13),
            new EngineScenario(TLS12),
            new HttpClientScenario(),
            new HttpsUrlConnectionScenario(),
            new OpensslServerScenario(TLS13),
            new OpensslServerScenario(TLS12),
            new OpensslClientScenario(TLS13),
            new OpensslClientScenario(TLS12),
            new UnknownCaScenario(),
            new SelfSignedScenario(),
            new MissingIntermediateScenario(),
            new ExpiredCertificateScenario(),
            new NotYetValidCertificateScenario(),
            new RevokedCertificateScenario(),
            new OcspNotStapledScenario(),
            new HostnameMismatchScenario(),
            new NoCommonCipherSuiteScenario(),
            new ProtocolVersionMismatchScenario(),
            new NoCommonApplicationProtocolScenario(),
            new ClientCertificateRequiredScenario(),
            new ClientCertificateRejectedScenario(),
            new UnrecognizedServerNameScenario(),
            new NoCommonGroupScenario(),
            new NoCommonSignatureAlgorithmScenario(),
            new PeerClosedScenario(),
            new NotTlsScenario(),
            new HandshakeTimeoutScenario(),
            new MalformedServerHelloScenario());

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static Optional<Scenario> byName(String name) {
        return ALL.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }
}
