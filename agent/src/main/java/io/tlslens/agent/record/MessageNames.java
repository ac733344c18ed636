package io.tlslens.agent.record;

/** Handshake message names as the RFCs spell them, which the telemetry contract uses for events. */
final class MessageNames {

    private MessageNames() {
    }

    static String handshake(int type) {
        switch (type) {
            case 0: return "HelloRequest";
            case 1: return "ClientHello";
            case 2: return "ServerHello";
            case 4: return "NewSessionTicket";
            case 5: return "EndOfEarlyData";
            case 8: return "EncryptedExtensions";
            case 11: return "Certificate";
            case 12: return "ServerKeyExchange";
            case 13: return "CertificateRequest";
            case 14: return "ServerHelloDone";
            case 15: return "CertificateVerify";
            case 16: return "ClientKeyExchange";
            case 20: return "Finished";
            case 22: return "CertificateStatus";
            case 24: return "KeyUpdate";
            case 25: return "CompressedCertificate";
            default: return "Handshake(" + type + ")";
        }
    }
}
