package io.tlslens.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    void ianaNames() {
        assertEquals("TLS_AES_128_GCM_SHA256", CipherSuite.name(0x1301));
        assertEquals("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", CipherSuite.name(0xcca8));
        assertEquals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV", CipherSuite.name(0x00ff));
        assertEquals("TLS_FALLBACK_SCSV", CipherSuite.name(0x5600));
        assertEquals("x25519", NamedGroup.name(0x001d));
        assertEquals("secp256r1", NamedGroup.name(23));
        assertEquals("X25519MLKEM768", NamedGroup.name(0x11ec));
        assertEquals("SecP256r1MLKEM768", NamedGroup.name(0x11eb));
        assertEquals("SecP384r1MLKEM1024", NamedGroup.name(0x11ed));
        assertEquals("MLKEM1024", NamedGroup.name(0x0202));
        assertEquals("ffdhe8192", NamedGroup.name(0x0104));
        assertEquals("rsa_pss_rsae_sha256", SignatureScheme.name(0x0804));
        assertEquals("ed25519", SignatureScheme.name(0x0807));
        assertEquals("key_share", ExtensionType.name(51));
        assertEquals("renegotiation_info", ExtensionType.name(0xff01));
        assertEquals("handshake_failure", AlertDescription.name(40));
        assertEquals("no_renegotiation", AlertDescription.name(100));
        assertEquals("fatal", AlertLevel.name(2));
        assertEquals("server_key_exchange", HandshakeType.name(12));
        assertEquals("application_data", ContentType.name(23));
        assertEquals("zstd", CertificateCompressionAlgorithm.name(3));
    }

    @Test
    void greaseAndUnknown() {
        for (int v = 0x0a0a; v <= 0xfafa; v += 0x1010) {
            assertTrue(Grease.isGrease(v));
            assertEquals(String.format("GREASE(0x%04x)", v), CipherSuite.name(v));
            assertEquals(String.format("GREASE(0x%04x)", v), ExtensionType.name(v));
            assertEquals(String.format("GREASE(0x%04x)", v), NamedGroup.name(v));
            assertEquals(String.format("GREASE(0x%04x)", v), ProtocolVersion.name(v));
        }
        assertEquals("GREASE(0x1a1a)", SignatureScheme.name(0x1a1a));
        assertFalse(Grease.isGrease(0x0a1a));
        assertFalse(Grease.isGrease(0x0b0b));
        assertEquals("unknown(0x1234)", CipherSuite.name(0x1234));
        assertEquals("unknown(0x4469)", ExtensionType.name(0x4469));
        assertEquals("unknown(0xc8)", AlertDescription.name(200));
        assertEquals("unknown(0x63)", HandshakeType.name(0x63));
    }

    @Test
    void signatureSchemesNameTls12HashSignaturePairsLikeSunJsse() {
        assertEquals("rsa_pkcs1_sha1", SignatureScheme.name(0x0201));
        assertEquals("ecdsa_sha1", SignatureScheme.name(0x0203));
        assertEquals("dsa_sha1", SignatureScheme.name(0x0202));
        assertEquals("rsa_sha224", SignatureScheme.name(0x0301));
        assertEquals("dsa_sha224", SignatureScheme.name(0x0302));
        assertEquals("ecdsa_sha224", SignatureScheme.name(0x0303));
        assertEquals("dsa_sha256", SignatureScheme.name(0x0402));
        assertEquals("dsa_sha384", SignatureScheme.name(0x0502));
        assertEquals("rsa_md5", SignatureScheme.name(0x0101));
        assertEquals("unknown(0x0909)", SignatureScheme.name(0x0909));
    }

    @Test
    void protocolVersions() {
        assertEquals("TLSv1.3", ProtocolVersion.name(0x0304));
        assertEquals("TLSv1.2", ProtocolVersion.name(0x0303));
        assertEquals("TLSv1.1", ProtocolVersion.name(0x0302));
        assertEquals("TLSv1", ProtocolVersion.name(0x0301));
        assertEquals("SSLv3", ProtocolVersion.name(0x0300));
        assertEquals("DTLSv1.2", ProtocolVersion.name(0xfefd));
        assertEquals("unknown(0x7f1c)", ProtocolVersion.name(0x7f1c));
        assertEquals("1.3", ProtocolVersion.shortVersion(0x0304));
        assertEquals("1.2", ProtocolVersion.shortVersion(0x0303));
        assertEquals("1.1", ProtocolVersion.shortVersion(0x0302));
        assertEquals("1", ProtocolVersion.shortVersion(0x0301));
        assertEquals("3", ProtocolVersion.shortVersion(0x0300));
        assertEquals("1.2", ProtocolVersion.shortVersion(0xfefd));
        assertEquals("tls", ProtocolVersion.protocolName(0x0304));
        assertEquals("ssl", ProtocolVersion.protocolName(0x0300));
        assertEquals("dtls", ProtocolVersion.protocolName(0xfefd));
    }

    @Test
    void keyExchangeFromCipherSuite() {
        assertEquals(KeyExchangeAlgorithm.ECDHE, KeyExchangeAlgorithm.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256));
        assertEquals(KeyExchangeAlgorithm.ECDHE, KeyExchangeAlgorithm.of(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256));
        assertEquals(KeyExchangeAlgorithm.ECDHE_PSK, KeyExchangeAlgorithm.of(CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA));
        assertEquals(KeyExchangeAlgorithm.ECDH_ANON, KeyExchangeAlgorithm.of(CipherSuite.TLS_ECDH_anon_WITH_AES_128_CBC_SHA));
        assertEquals(KeyExchangeAlgorithm.ECDH, KeyExchangeAlgorithm.of(CipherSuite.TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256));
        assertEquals(KeyExchangeAlgorithm.DHE, KeyExchangeAlgorithm.of(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256));
        assertEquals(KeyExchangeAlgorithm.DHE_PSK, KeyExchangeAlgorithm.of(CipherSuite.TLS_PSK_DHE_WITH_AES_128_CCM_8));
        assertEquals(KeyExchangeAlgorithm.DH_ANON, KeyExchangeAlgorithm.of(CipherSuite.TLS_DH_anon_WITH_AES_128_CBC_SHA));
        assertEquals(KeyExchangeAlgorithm.RSA, KeyExchangeAlgorithm.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256));
        assertEquals(KeyExchangeAlgorithm.RSA, KeyExchangeAlgorithm.of(CipherSuite.TLS_RSA_EXPORT_WITH_RC4_40_MD5));
        assertEquals(KeyExchangeAlgorithm.RSA_PSK, KeyExchangeAlgorithm.of(CipherSuite.TLS_RSA_PSK_WITH_AES_128_GCM_SHA256));
        assertEquals(KeyExchangeAlgorithm.PSK, KeyExchangeAlgorithm.of(CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256));
        assertEquals(KeyExchangeAlgorithm.SRP, KeyExchangeAlgorithm.of(CipherSuite.TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA));
        assertEquals(KeyExchangeAlgorithm.NONE, KeyExchangeAlgorithm.of(CipherSuite.TLS_AES_128_GCM_SHA256));
        assertEquals(KeyExchangeAlgorithm.NONE, KeyExchangeAlgorithm.of(CipherSuite.TLS_NULL_WITH_NULL_NULL));
        assertEquals(KeyExchangeAlgorithm.UNKNOWN, KeyExchangeAlgorithm.of(0x1234));
        assertEquals(KeyExchangeAlgorithm.UNKNOWN, KeyExchangeAlgorithm.of(0x0a0a));
    }

    @Test
    void everyRegistryHasDistinctCodesAndNamesEqualToFieldNames() throws Exception {
        for (Class<?> registry : List.of(CipherSuite.class, NamedGroup.class, SignatureScheme.class, ExtensionType.class,
                AlertDescription.class, AlertLevel.class, HandshakeType.class, ContentType.class, CompressionMethod.class,
                CertificateCompressionAlgorithm.class, PskKeyExchangeMode.class, EcPointFormat.class,
                ClientCertificateType.class, CertificateStatusType.class)) {
            Map<Integer, String> seen = new HashMap<>();
            for (Field f : registry.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                    int code = f.getInt(null);
                    assertEquals(null, seen.put(code, f.getName()), registry.getSimpleName() + " reuses " + code);
                    String name = (String) registry.getMethod("name", int.class).invoke(null, code);
                    assertEquals(f.getName(), name);
                }
            }
        }
    }

    @Test
    void messageNamesForSpanEvents() {
        assertEquals("ClientHello", HandshakeType.messageName(HandshakeType.client_hello));
        assertEquals("ServerKeyExchange", HandshakeType.messageName(HandshakeType.server_key_exchange));
        assertEquals("compressed_certificate", HandshakeType.name(HandshakeType.compressed_certificate));
        assertEquals("unknown(0x63)", HandshakeType.messageName(0x63));
        assertEquals("HelloRetryRequest", new ServerHello(ProtocolVersion.TLSv1_2, ServerHello.helloRetryRequestRandom(),
                new byte[0], 0x1301, 0, List.of()).name());
    }
}
