package io.tlslens.wire;

import java.util.OptionalLong;

/**
 * early_data (RFC 8446 §4.2.10): empty in ClientHello (early data follows) and EncryptedExtensions
 * (the server accepted it); in NewSessionTicket the max_early_data_size the ticket allows.
 */
public final class EarlyDataExtension extends Extension {
    private final long maxEarlyDataSize;

    private EarlyDataExtension(long maxEarlyDataSize) {
        this.maxEarlyDataSize = maxEarlyDataSize;
    }

    /** The empty ClientHello and EncryptedExtensions form. */
    public static EarlyDataExtension indication() {
        return new EarlyDataExtension(-1);
    }

    /** The NewSessionTicket form. */
    public static EarlyDataExtension maxEarlyDataSize(long maxEarlyDataSize) {
        return new EarlyDataExtension(maxEarlyDataSize);
    }

    static EarlyDataExtension decode(WireReader data, ExtensionContext context) throws DecodeException {
        switch (context) {
            case CLIENT_HELLO:
            case ENCRYPTED_EXTENSIONS:
                return indication();
            case NEW_SESSION_TICKET:
                return maxEarlyDataSize(data.u32("max_early_data_size"));
            default:
                return null;
        }
    }

    @Override
    public int type() {
        return ExtensionType.early_data;
    }

    /** The ticket's limit (NewSessionTicket only). */
    public OptionalLong maxEarlyDataSize() {
        return maxEarlyDataSize < 0 ? OptionalLong.empty() : OptionalLong.of(maxEarlyDataSize);
    }

    @Override
    void writeData(WireWriter w) {
        if (maxEarlyDataSize >= 0) {
            w.u32(maxEarlyDataSize);
        }
    }

    @Override
    String describe() {
        return maxEarlyDataSize >= 0 ? "max_early_data_size=" + maxEarlyDataSize : "";
    }
}
