package io.tlslens.agent.export;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** Certificate fingerprints as the semantic conventions write them: uppercase hex of the DER's SHA-256. */
final class Fingerprints {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Fingerprints() {
    }

    /** {@code null} when the certificate cannot be encoded. */
    static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            char[] hex = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++) {
                hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[digest[i] & 0xf];
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return null;
        }
    }
}
