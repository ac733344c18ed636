package io.tlslens.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decoding and encoding of extension lists, and the dispatch from ExtensionType to class. */
final class Extensions {
    private Extensions() {
    }

    static List<Extension> decodeList(WireReader r, ExtensionContext context) throws DecodeException {
        WireReader block = r.vector(2, "extensions");
        List<Extension> out = new ArrayList<>();
        while (block.hasRemaining()) {
            int type = block.u16("extension_type");
            out.add(decode(type, block.vector(2, ExtensionType.name(type)), context));
        }
        return List.copyOf(out);
    }

    static void writeList(WireWriter w, List<Extension> extensions) {
        w.vector(2, b -> extensions.forEach(e -> b.u16(e.type()).opaque(2, e.data())));
    }

    static <T extends Extension> Optional<T> find(List<Extension> extensions, Class<T> type) {
        return extensions.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    static Extension decode(int type, WireReader data, ExtensionContext context) throws DecodeException {
        Extension known = decodeKnown(type, data, context);
        if (known == null) {
            return new UnknownExtension(type, data.rest());
        }
        data.expectEnd();
        return known;
    }

    /** Null when the type is unknown or has no shape in this context; then nothing has been read. */
    private static Extension decodeKnown(int type, WireReader data, ExtensionContext context) throws DecodeException {
        switch (type) {
            case ExtensionType.server_name:
                return ServerNameExtension.decode(data, context);
            case ExtensionType.status_request:
                return StatusRequestExtension.decode(data, context);
            case ExtensionType.supported_groups:
                return new SupportedGroupsExtension(data.u16List(2, "named_group_list"));
            case ExtensionType.ec_point_formats:
                return new EcPointFormatsExtension(data.u8List(1, "ec_point_format_list"));
            case ExtensionType.signature_algorithms:
                return new SignatureAlgorithmsExtension(data.u16List(2, "supported_signature_algorithms"));
            case ExtensionType.application_layer_protocol_negotiation:
                return AlpnExtension.decode(data);
            case ExtensionType.signed_certificate_timestamp:
                return SignedCertificateTimestampExtension.decode(data, context);
            case ExtensionType.padding:
                return new PaddingExtension(data.rest());
            case ExtensionType.encrypt_then_mac:
                return new EncryptThenMacExtension();
            case ExtensionType.extended_master_secret:
                return new ExtendedMasterSecretExtension();
            case ExtensionType.compress_certificate:
                return new CompressCertificateExtension(data.u16List(1, "algorithms"));
            case ExtensionType.record_size_limit:
                return new RecordSizeLimitExtension(data.u16("record_size_limit"));
            case ExtensionType.session_ticket:
                return new SessionTicketExtension(data.rest());
            case ExtensionType.pre_shared_key:
                return PreSharedKeyExtension.decode(data, context);
            case ExtensionType.early_data:
                return EarlyDataExtension.decode(data, context);
            case ExtensionType.supported_versions:
                return SupportedVersionsExtension.decode(data, context);
            case ExtensionType.cookie:
                return new CookieExtension(data.opaque(2, "cookie"));
            case ExtensionType.psk_key_exchange_modes:
                return new PskKeyExchangeModesExtension(data.u8List(1, "ke_modes"));
            case ExtensionType.certificate_authorities:
                return new CertificateAuthoritiesExtension(data.opaqueList(2, 2, "authorities"));
            case ExtensionType.post_handshake_auth:
                return new PostHandshakeAuthExtension();
            case ExtensionType.signature_algorithms_cert:
                return new SignatureAlgorithmsCertExtension(data.u16List(2, "supported_signature_algorithms"));
            case ExtensionType.key_share:
                return KeyShareExtension.decode(data, context);
            case ExtensionType.renegotiation_info:
                return new RenegotiationInfoExtension(data.opaque(1, "renegotiated_connection"));
            default:
                return null;
        }
    }
}
