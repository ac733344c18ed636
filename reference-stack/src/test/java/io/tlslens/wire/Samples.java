package io.tlslens.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-built values of every message and extension, in every shape, for round-trip tests and as
 * seeds of the mutation fuzz test. GREASE and unknown code points are mixed into the lists on
 * purpose: they must survive a round trip.
 */
final class Samples {
    static final int GREASE_A = 0x0a0a;
    static final int GREASE_B = 0x3a3a;

    /** An extension and the message it is decoded in. */
    static final class InContext {
        final Extension extension;
        final ExtensionContext context;

        InContext(Extension extension, ExtensionContext context) {
            this.extension = extension;
            this.context = context;
        }

        @Override
        public String toString() {
            return context + " " + extension;
        }
    }

    /** A message and the negotiated version and cipher suite its shape depends on. */
    static final class Negotiated {
        final HandshakeMessage message;
        final int version;
        final int cipherSuite;

        Negotiated(HandshakeMessage message, int version, int cipherSuite) {
            this.message = message;
            this.version = version;
            this.cipherSuite = cipherSuite;
        }

        @Override
        public String toString() {
            return message.name() + " " + ProtocolVersion.name(version) + " " + CipherSuite.name(cipherSuite);
        }
    }

    private Samples() {
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + 31 * i);
        }
        return b;
    }

    static List<InContext> extensions() {
        List<InContext> all = new ArrayList<>();
        ExtensionContext ch = ExtensionContext.CLIENT_HELLO;
        ExtensionContext sh = ExtensionContext.SERVER_HELLO;
        ExtensionContext hrr = ExtensionContext.HELLO_RETRY_REQUEST;
        ExtensionContext ee = ExtensionContext.ENCRYPTED_EXTENSIONS;
        ExtensionContext ct = ExtensionContext.CERTIFICATE;
        ExtensionContext cr = ExtensionContext.CERTIFICATE_REQUEST;
        ExtensionContext nst = ExtensionContext.NEW_SESSION_TICKET;
        add(all, ch, ServerNameExtension.hostName("example.com"));
        add(all, ch, new ServerNameExtension(List.of(new ServerNameExtension.ServerName(0, "a.test".getBytes(StandardCharsets.US_ASCII)),
                new ServerNameExtension.ServerName(7, bytes(3, 1)))));
        add(all, sh, ServerNameExtension.acknowledgement());
        add(all, ee, ServerNameExtension.acknowledgement());
        add(all, ch, new SupportedGroupsExtension(List.of(GREASE_A, NamedGroup.X25519MLKEM768, NamedGroup.x25519,
                NamedGroup.secp256r1, NamedGroup.ffdhe2048, 0x1234)));
        add(all, ee, new SupportedGroupsExtension(List.of(NamedGroup.x25519)));
        add(all, ch, new EcPointFormatsExtension(List.of(EcPointFormat.uncompressed, 0x77)));
        add(all, ch, new SignatureAlgorithmsExtension(List.of(GREASE_B, SignatureScheme.ecdsa_secp256r1_sha256,
                SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.dsa_sha224, 0xfe01)));
        add(all, cr, new SignatureAlgorithmsExtension(List.of(SignatureScheme.ed25519)));
        add(all, ch, new SignatureAlgorithmsCertExtension(List.of(SignatureScheme.rsa_pkcs1_sha256)));
        add(all, ch, AlpnExtension.of("h2", "http/1.1"));
        add(all, ch, new AlpnExtension(List.of(new byte[] {0x1a, 0x1a}, "h2".getBytes(StandardCharsets.US_ASCII))));
        add(all, sh, AlpnExtension.of("h2"));
        add(all, ee, AlpnExtension.of("http/1.1"));
        add(all, ch, StatusRequestExtension.ocspRequest());
        add(all, ch, StatusRequestExtension.request(CertificateStatusType.ocsp, new byte[] {0, 4, 0, 2, 1, 2, 0, 3, 9, 9, 9}));
        add(all, ch, StatusRequestExtension.request(9, bytes(5, 2)));
        add(all, cr, StatusRequestExtension.ocspRequest());
        add(all, sh, StatusRequestExtension.acknowledgement());
        add(all, ct, StatusRequestExtension.response(CertificateStatus.ocsp(bytes(40, 3))));
        add(all, ch, SignedCertificateTimestampExtension.request());
        add(all, cr, SignedCertificateTimestampExtension.request());
        add(all, sh, new SignedCertificateTimestampExtension(List.of(bytes(20, 4), bytes(30, 5))));
        add(all, ct, new SignedCertificateTimestampExtension(List.of(bytes(20, 6))));
        add(all, ch, new PaddingExtension(17));
        add(all, ch, new PaddingExtension(new byte[] {0, 1, 0}));
        add(all, ch, new EncryptThenMacExtension());
        add(all, sh, new EncryptThenMacExtension());
        add(all, ch, new ExtendedMasterSecretExtension());
        add(all, sh, new ExtendedMasterSecretExtension());
        add(all, ch, new SessionTicketExtension(new byte[0]));
        add(all, ch, new SessionTicketExtension(bytes(100, 7)));
        add(all, sh, new SessionTicketExtension(new byte[0]));
        add(all, ch, new RecordSizeLimitExtension(16385));
        add(all, ee, new RecordSizeLimitExtension(512));
        add(all, ch, PreSharedKeyExtension.offered(
                List.of(new PreSharedKeyExtension.PskIdentity(bytes(50, 8), 0xfedcba98L), new PreSharedKeyExtension.PskIdentity(bytes(5, 9), 0)),
                List.of(bytes(32, 10), bytes(48, 11))));
        add(all, sh, PreSharedKeyExtension.selected(1));
        add(all, ch, EarlyDataExtension.indication());
        add(all, ee, EarlyDataExtension.indication());
        add(all, nst, EarlyDataExtension.maxEarlyDataSize(0xffffffffL));
        add(all, ch, SupportedVersionsExtension.offered(List.of(GREASE_A, ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2)));
        add(all, sh, SupportedVersionsExtension.selected(ProtocolVersion.TLSv1_3));
        add(all, hrr, SupportedVersionsExtension.selected(ProtocolVersion.TLSv1_3));
        add(all, ch, new CookieExtension(bytes(64, 12)));
        add(all, hrr, new CookieExtension(bytes(64, 12)));
        add(all, ch, new PskKeyExchangeModesExtension(List.of(PskKeyExchangeMode.psk_dhe_ke, 0x0b)));
        add(all, ch, new CertificateAuthoritiesExtension(List.of(bytes(30, 13), bytes(40, 14))));
        add(all, cr, new CertificateAuthoritiesExtension(List.of(bytes(30, 15))));
        add(all, ch, new PostHandshakeAuthExtension());
        add(all, ch, KeyShareExtension.clientShares(List.of(new KeyShareExtension.KeyShareEntry(GREASE_A, new byte[1]),
                new KeyShareExtension.KeyShareEntry(NamedGroup.X25519MLKEM768, bytes(1216, 16)),
                new KeyShareExtension.KeyShareEntry(NamedGroup.x25519, bytes(32, 17)))));
        add(all, ch, KeyShareExtension.clientShares(List.of()));
        add(all, sh, KeyShareExtension.serverShare(new KeyShareExtension.KeyShareEntry(NamedGroup.secp256r1, bytes(65, 18))));
        add(all, hrr, KeyShareExtension.selectedGroup(NamedGroup.secp384r1));
        add(all, ch, new RenegotiationInfoExtension(new byte[0]));
        add(all, sh, new RenegotiationInfoExtension(bytes(24, 19)));
        add(all, ch, new CompressCertificateExtension(List.of(CertificateCompressionAlgorithm.brotli, CertificateCompressionAlgorithm.zlib)));
        add(all, cr, new CompressCertificateExtension(List.of(CertificateCompressionAlgorithm.zstd)));
        add(all, ch, new UnknownExtension(GREASE_A, new byte[0]));
        add(all, ch, new UnknownExtension(0xdada, new byte[] {0}));
        add(all, ch, new UnknownExtension(ExtensionType.status_request_v2, bytes(9, 20)));
        add(all, ee, new UnknownExtension(ExtensionType.key_share, bytes(4, 21)));
        return all;
    }

    private static void add(List<InContext> all, ExtensionContext context, Extension e) {
        all.add(new InContext(e, context));
    }

    static List<Negotiated> messages() {
        int tls13 = ProtocolVersion.TLSv1_3;
        int tls12 = ProtocolVersion.TLSv1_2;
        int tls11 = ProtocolVersion.TLSv1_1;
        int aes = CipherSuite.TLS_AES_128_GCM_SHA256;
        int ecdhe = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        int ecdheRsa = CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA;
        int anon = CipherSuite.TLS_ECDH_anon_WITH_AES_128_CBC_SHA;
        int rsa = CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;
        List<Extension> chExtensions = new ArrayList<>();
        List<Extension> shExtensions = new ArrayList<>();
        List<Extension> hrrExtensions = new ArrayList<>();
        List<Extension> eeExtensions = new ArrayList<>();
        List<Extension> crExtensions = new ArrayList<>();
        List<Extension> ctExtensions = new ArrayList<>();
        List<Extension> nstExtensions = new ArrayList<>();
        for (InContext e : extensions()) {
            switch (e.context) {
                case CLIENT_HELLO: chExtensions.add(e.extension); break;
                case SERVER_HELLO: shExtensions.add(e.extension); break;
                case HELLO_RETRY_REQUEST: hrrExtensions.add(e.extension); break;
                case ENCRYPTED_EXTENSIONS: eeExtensions.add(e.extension); break;
                case CERTIFICATE_REQUEST: crExtensions.add(e.extension); break;
                case CERTIFICATE: ctExtensions.add(e.extension); break;
                default: nstExtensions.add(e.extension);
            }
        }
        List<Negotiated> all = new ArrayList<>();
        all.add(new Negotiated(new ClientHello(tls12, bytes(32, 1), bytes(32, 2),
                List.of(GREASE_A, CipherSuite.TLS_AES_128_GCM_SHA256, ecdhe, 0xabcd, CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV),
                List.of(CompressionMethod.NULL), chExtensions), -1, -1));
        all.add(new Negotiated(new ClientHello(ProtocolVersion.SSLv3, bytes(32, 3), new byte[0], List.of(rsa),
                List.of(CompressionMethod.DEFLATE, CompressionMethod.NULL), List.of()), -1, -1));
        all.add(new Negotiated(new ServerHello(tls12, bytes(32, 4), bytes(32, 5), aes, 0, shExtensions), -1, -1));
        all.add(new Negotiated(new ServerHello(tls12, ServerHello.helloRetryRequestRandom(), bytes(32, 5), aes, 0, hrrExtensions), -1, -1));
        all.add(new Negotiated(new ServerHello(tls12, bytes(32, 6), new byte[0], ecdhe, 0, List.of()), -1, -1));
        all.add(new Negotiated(new EncryptedExtensions(eeExtensions), tls13, aes));
        all.add(new Negotiated(new EncryptedExtensions(List.of()), tls13, aes));
        all.add(new Negotiated(Certificate.tls13(new byte[0], List.of(new Certificate.Entry(bytes(500, 7), ctExtensions),
                new Certificate.Entry(bytes(300, 8), List.of()))), tls13, aes));
        all.add(new Negotiated(Certificate.tls13(bytes(8, 9), List.of()), tls13, aes));
        all.add(new Negotiated(Certificate.tls12(List.of(bytes(400, 10), bytes(200, 11))), tls12, ecdhe));
        all.add(new Negotiated(CertificateRequest.tls13(bytes(4, 12), crExtensions), tls13, aes));
        all.add(new Negotiated(CertificateRequest.tls12(tls12, List.of(ClientCertificateType.ecdsa_sign, 99),
                List.of(SignatureScheme.ecdsa_secp256r1_sha256, SignatureScheme.dsa_sha1), List.of(bytes(20, 13))), tls12, ecdhe));
        all.add(new Negotiated(CertificateRequest.tls12(tls11, List.of(ClientCertificateType.rsa_sign), List.of(), List.of()), tls11, ecdheRsa));
        all.add(new Negotiated(CertificateVerify.of(SignatureScheme.rsa_pss_rsae_sha256, bytes(256, 14)), tls13, aes));
        all.add(new Negotiated(CertificateVerify.of(SignatureScheme.rsa_sha224, bytes(128, 15)), tls12, ecdhe));
        all.add(new Negotiated(CertificateVerify.withoutAlgorithm(bytes(128, 16)), tls11, ecdheRsa));
        all.add(new Negotiated(new Finished(bytes(32, 17)), tls13, aes));
        all.add(new Negotiated(new Finished(bytes(12, 18)), tls12, ecdhe));
        all.add(new Negotiated(NewSessionTicket.tls13(604800, 0x89abcdefL, bytes(8, 19), bytes(200, 20), nstExtensions), tls13, aes));
        all.add(new Negotiated(NewSessionTicket.tls12(0, bytes(160, 21)), tls12, ecdhe));
        all.add(new Negotiated(new KeyUpdate(true), tls13, aes));
        all.add(new Negotiated(new KeyUpdate(false), tls13, aes));
        all.add(new Negotiated(new EndOfEarlyData(), tls13, aes));
        all.add(new Negotiated(ServerKeyExchange.ecdhe(NamedGroup.x25519, bytes(32, 22), SignatureScheme.ecdsa_secp256r1_sha256,
                bytes(71, 23)), tls12, ecdhe));
        all.add(new Negotiated(ServerKeyExchange.ecdhe(NamedGroup.secp256r1, bytes(65, 24), -1, bytes(128, 25)), tls11, ecdheRsa));
        all.add(new Negotiated(ServerKeyExchange.ecdhAnon(NamedGroup.secp384r1, bytes(97, 26)), tls12, anon));
        all.add(new Negotiated(ServerKeyExchange.raw(KeyExchangeAlgorithm.DHE, bytes(300, 27)), tls12,
                CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256));
        all.add(new Negotiated(new ServerHelloDone(), tls12, ecdhe));
        all.add(new Negotiated(ClientKeyExchange.ecdhe(bytes(65, 28)), tls12, ecdhe));
        all.add(new Negotiated(ClientKeyExchange.raw(KeyExchangeAlgorithm.RSA, concat(new byte[] {1, 0}, bytes(256, 29))), tls12, rsa));
        all.add(new Negotiated(CertificateStatus.ocsp(bytes(300, 30)), tls12, ecdhe));
        all.add(new Negotiated(new CertificateStatus(CertificateStatusType.ocsp_multi, bytes(10, 31)), tls12, ecdhe));
        all.add(new Negotiated(new HelloRequest(), tls12, ecdhe));
        all.add(new Negotiated(new UnknownHandshakeMessage(HandshakeType.compressed_certificate, bytes(50, 32)), tls13, aes));
        all.add(new Negotiated(new UnknownHandshakeMessage(0x63, new byte[0]), tls13, aes));
        return all;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
