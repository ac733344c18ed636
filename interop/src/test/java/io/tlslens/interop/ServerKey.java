package io.tlslens.interop;

import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.LeafProfile;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.Validity;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;

/**
 * The server certificate keys the tests cover. In TLS 1.3 the key fixes the CertificateVerify signature
 * scheme: ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384, rsa_pss_rsae_*, rsa_pss_pss_*, ed25519.
 */
enum ServerKey {
    ECDSA_P256(KeyType.EC_P256),
    ECDSA_P384(KeyType.EC_P384),
    RSA_2048(KeyType.RSA_2048),
    /**
     * An RSASSA-PSS key (RFC 4055 SubjectPublicKeyInfo), which may only sign with PSS: rsa_pss_pss_*. Its leaf
     * is issued by the RSA PKI's intermediate, since the examples' PKI signs with the JDK's providers, which
     * Bouncy Castle's certificate builder cannot drive for RSASSA-PSS.
     */
    RSASSA_PSS_2048(KeyType.RSA_2048) {
        private Credential credential;

        @Override
        synchronized Credential credential() throws Exception {
            if (credential == null) {
                Pki pki = pki();
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSASSA-PSS");
                generator.initialize(2048);
                LeafProfile profile = new LeafProfile("localhost", LeafProfile.Purpose.SERVER, Pki.LOOPBACK_NAMES,
                        Validity.current(Instant.now(), Duration.ofDays(30)));
                credential = pki.intermediate().issue("rsassa-pss-server", profile, generator.generateKeyPair());
                credential.writeTo(Pkis.directory(pki));
            }
            return credential;
        }
    },
    ED25519(KeyType.ED25519);

    private final KeyType pkiType;

    ServerKey(KeyType pkiType) {
        this.pkiType = pkiType;
    }

    /** The PKI that issues the certificate, whose root the client trusts. */
    Pki pki() throws Exception {
        return Pkis.of(pkiType);
    }

    Credential credential() throws Exception {
        return pki().server();
    }

    Settings serverSettings() throws Exception {
        return Settings.server(pki()).withCredential(credential());
    }
}
