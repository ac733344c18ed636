package io.tlslens.examples.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * The key algorithms the example PKI can issue certificates for. A PKI uses one type throughout (root,
 * intermediate and leaves), so a TLS peer's signature scheme follows from the type chosen.
 */
public enum KeyType {
    EC_P256("p256", "EC", "secp256r1", "SHA256withECDSA"),
    EC_P384("p384", "EC", "secp384r1", "SHA384withECDSA"),
    RSA_2048("rsa2048", "RSA", null, "SHA256withRSA"),
    /** Needs JDK 15+ at run time (SunEC's Ed25519); see {@link #isAvailable()}. */
    ED25519("ed25519", "Ed25519", null, "Ed25519");

    private final String label;
    private final String algorithm;
    private final String curve;
    private final String signatureAlgorithm;

    KeyType(String label, String algorithm, String curve, String signatureAlgorithm) {
        this.label = label;
        this.algorithm = algorithm;
        this.curve = curve;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** Short lower-case name: {@code p256}, {@code p384}, {@code rsa2048}, {@code ed25519}. */
    public String label() {
        return label;
    }

    /** The JCA signature algorithm a CA of this type signs certificates with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Whether this JVM can generate (and so JSSE can use) keys of this type. */
    public boolean isAvailable() {
        try {
            KeyPairGenerator.getInstance(algorithm);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public KeyPair generate() throws GeneralSecurityException {
        // The JDK's own providers, not Bouncy Castle: the keys must be the kind JSSE's key managers take.
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve));
        } else if (this == RSA_2048) {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }
}
