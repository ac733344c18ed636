package io.tlslens.agent.record;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed certificates by their DER encoding. A service sees the same few chains in every
 * handshake; parsing each anew would cost the recorder more than the rest of the handshake.
 */
final class CertificateCache {

    private static final int CAPACITY = 256;

    private final Map<ByteBuffer, X509Certificate> parsed = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, X509Certificate> eldest) {
            return size() > CAPACITY;
        }
    };
    private CertificateFactory factory;

    /** The certificate, or {@code null} when the JDK cannot parse it. */
    synchronized X509Certificate parse(byte[] der) {
        ByteBuffer key = ByteBuffer.wrap(der);
        X509Certificate certificate = parsed.get(key);
        if (certificate == null) {
            try {
                if (factory == null) {
                    factory = CertificateFactory.getInstance("X.509");
                }
                certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException | ClassCastException e) {
                return null;
            }
            parsed.put(key, certificate);
        }
        return certificate;
    }
}
