package io.tlslens.examples.pki;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** PEM text as OpenSSL reads it: certificates, and private keys as unencrypted PKCS#8. */
public final class Pem {
    private Pem() {
    }

    public static String certificates(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                out.append(block("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
            }
        }
        return out.toString();
    }

    public static String privateKey(PrivateKey key) {
        // JDK keys encode as PKCS#8 (getFormat() == "PKCS#8"), which OpenSSL 3 reads for RSA, EC and Ed25519.
        return block("PRIVATE KEY", key.getEncoded());
    }

    static String block(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
