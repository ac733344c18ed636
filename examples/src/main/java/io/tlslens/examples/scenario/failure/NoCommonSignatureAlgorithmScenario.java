package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.scenario.AlgorithmRestriction;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * Produces error.type {@code signature_algorithm_mismatch}: TLS 1.3, the client accepts only RSA-PSS
 * signatures and the server has only an ECDSA P-256 certificate. Per socket, through
 * {@link AlgorithmRestriction}: no JVM-wide property, no child JVM.
 */
public final class NoCommonSignatureAlgorithmScenario extends SocketPairScenario {
    public NoCommonSignatureAlgorithmScenario() {
        super("no-common-signature-algorithm",
                "TLS 1.3 client offers only the rsa_pss_rsae_sha256 signature scheme; the server has an ECDSA"
                        + " certificate",
                Expectation.failure(ErrorType.SIGNATURE_ALGORITHM_MISMATCH, Side.SERVER, SSLHandshakeException.class));
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, parameters -> {
            parameters.setProtocols(new String[] {"TLSv1.3"});
            parameters.setAlgorithmConstraints(AlgorithmRestriction.signatureSchemes("rsa_pss_rsae_sha256"));
        });
    }
}
