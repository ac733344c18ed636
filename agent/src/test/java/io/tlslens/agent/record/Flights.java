package io.tlslens.agent.record;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertLevel;
import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.CertificateRequest;
import io.tlslens.wire.CertificateVerify;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ClientKeyExchange;
import io.tlslens.wire.EncryptedExtensions;
import io.tlslens.wire.Extension;
import io.tlslens.wire.Finished;
import io.tlslens.wire.KeyShareExtension;
import io.tlslens.wire.KeyUpdate;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.NewSessionTicket;
import io.tlslens.wire.PreSharedKeyExtension;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.ServerHelloDone;
import io.tlslens.wire.ServerKeyExchange;
import io.tlslens.wire.ServerNameExtension;
import io.tlslens.wire.SignatureAlgorithmsExtension;
import io.tlslens.wire.SignatureScheme;
import io.tlslens.wire.SupportedGroupsExtension;
import io.tlslens.wire.SupportedVersionsExtension;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Real handshake messages, encoded with the wire codec, for the recorder/diagnosis/export tests, and
 * the examples' PKI (made once per test JVM) for real certificates.
 */
public final class Flights {

    /** What every test ClientHello offers, in order. */
    public static final List<Integer> SUITES = List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    public static final List<Integer> GROUPS = List.of(NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1);
    public static final List<Integer> SCHEMES = List.of(SignatureScheme.ecdsa_secp256r1_sha256,
            SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.ed25519);

    private static Pki pki;

    private Flights() {
    }

    public static synchronized Pki pki() {
        if (pki == null) {
            try {
                pki = new Pki(KeyType.EC_P256);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return pki;
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    // ----- TLS 1.3 -----

    public static ClientHello clientHello13(String sni, List<Integer> keyShareGroups, String... alpn) {
        List<Extension> extensions = new ArrayList<>();
        if (sni != null) {
            extensions.add(ServerNameExtension.hostName(sni));
        }
        extensions.add(new SupportedGroupsExtension(GROUPS));
        extensions.add(new SignatureAlgorithmsExtension(SCHEMES));
        List<KeyShareExtension.KeyShareEntry> shares = new ArrayList<>();
        for (int group : keyShareGroups) {
            shares.add(new KeyShareExtension.KeyShareEntry(group, filled(group == NamedGroup.x25519 ? 32 : 65, group)));
        }
        extensions.add(KeyShareExtension.clientShares(shares));
        extensions.add(SupportedVersionsExtension.offered(List.of(ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2)));
        if (alpn.length > 0) {
            extensions.add(AlpnExtension.of(alpn));
        }
        return new ClientHello(ProtocolVersion.TLSv1_2, filled(32, 1), filled(32, 2), SUITES, List.of(0), extensions);
    }

    public static byte[] clientHello13(String sni, String... alpn) {
        return clientHello13(sni, List.of(NamedGroup.x25519), alpn).encode();
    }

    public static byte[] serverHello13(int suite, int group, boolean pskAccepted) {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(SupportedVersionsExtension.selected(ProtocolVersion.TLSv1_3));
        extensions.add(KeyShareExtension.serverShare(
                new KeyShareExtension.KeyShareEntry(group, filled(group == NamedGroup.x25519 ? 32 : 65, 3))));
        if (pskAccepted) {
            extensions.add(PreSharedKeyExtension.selected(0));
        }
        return new ServerHello(ProtocolVersion.TLSv1_2, filled(32, 4), filled(32, 2), suite, 0, extensions).encode();
    }

    public static byte[] helloRetryRequest(int suite, int group) {
        return new ServerHello(ProtocolVersion.TLSv1_2, ServerHello.helloRetryRequestRandom(), filled(32, 2), suite, 0,
                List.of(SupportedVersionsExtension.selected(ProtocolVersion.TLSv1_3),
                        KeyShareExtension.selectedGroup(group))).encode();
    }

    public static byte[] encryptedExtensions(String alpn) {
        return new EncryptedExtensions(alpn == null ? List.of() : List.of(AlpnExtension.of(alpn))).encode();
    }

    public static byte[] certificate13(List<X509Certificate> chain) {
        List<Certificate.Entry> entries = new ArrayList<>();
        for (byte[] der : der(chain)) {
            entries.add(new Certificate.Entry(der, List.of()));
        }
        return Certificate.tls13(new byte[0], entries).encode();
    }

    public static byte[] certificateRequest13() {
        return CertificateRequest.tls13(new byte[0], List.of(new SignatureAlgorithmsExtension(SCHEMES))).encode();
    }

    public static byte[] certificateVerify(int scheme) {
        return CertificateVerify.of(scheme, filled(71, 5)).encode();
    }

    public static byte[] finished() {
        return new Finished(filled(32, 6)).encode();
    }

    public static byte[] newSessionTicket13(long lifetimeSeconds) {
        return NewSessionTicket.tls13(lifetimeSeconds, 12345, filled(8, 7), filled(48, 8), List.of()).encode();
    }

    public static byte[] keyUpdate(boolean requested) {
        return new KeyUpdate(requested).encode();
    }

    // ----- TLS 1.2 -----

    public static byte[] clientHello12(String sni, String... alpn) {
        List<Extension> extensions = new ArrayList<>();
        if (sni != null) {
            extensions.add(ServerNameExtension.hostName(sni));
        }
        extensions.add(new SupportedGroupsExtension(GROUPS));
        extensions.add(new SignatureAlgorithmsExtension(SCHEMES));
        if (alpn.length > 0) {
            extensions.add(AlpnExtension.of(alpn));
        }
        return new ClientHello(ProtocolVersion.TLSv1_2, filled(32, 1), new byte[0], SUITES.subList(3, 5), List.of(0),
                extensions).encode();
    }

    public static byte[] serverHello12(int suite, String alpn) {
        return new ServerHello(ProtocolVersion.TLSv1_2, filled(32, 4), filled(32, 9), suite, 0,
                alpn == null ? List.of() : List.of(AlpnExtension.of(alpn))).encode();
    }

    public static byte[] certificate12(List<X509Certificate> chain) {
        return Certificate.tls12(der(chain)).encode();
    }

    public static byte[] serverKeyExchange(int group, int scheme) {
        return ServerKeyExchange.ecdhe(group, filled(65, 4), scheme, filled(70, 5)).encode();
    }

    public static byte[] serverHelloDone() {
        return new ServerHelloDone().encode();
    }

    public static byte[] clientKeyExchange() {
        return ClientKeyExchange.ecdhe(filled(65, 6)).encode();
    }

    // ----- records of other content types -----

    public static byte[] fatal(int description) {
        return new Alert(AlertLevel.fatal, description).encode();
    }

    public static byte[] changeCipherSpec() {
        return new byte[] {1};
    }

    public static List<byte[]> der(List<X509Certificate> chain) {
        List<byte[]> out = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                out.add(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
