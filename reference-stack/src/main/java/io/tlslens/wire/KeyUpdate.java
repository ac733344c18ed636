package io.tlslens.wire;

/** KeyUpdate (RFC 8446 §4.6.3): the sender switched to new keys, and may ask the peer to do so too. */
public final class KeyUpdate extends HandshakeMessage {
    /** KeyUpdateRequest values. */
    public static final int update_not_requested = 0;
    public static final int update_requested = 1;

    private final boolean updateRequested;

    public KeyUpdate(boolean updateRequested) {
        this.updateRequested = updateRequested;
    }

    public static KeyUpdate decode(byte[] body) throws DecodeException {
        return decodeBody(body, KeyUpdate::decode);
    }

    static KeyUpdate decode(WireReader r) throws DecodeException {
        int at = r.position();
        int request = r.u8("request_update");
        if (request != update_not_requested && request != update_requested) {
            throw new DecodeException("request_update: " + request + " is neither update_not_requested nor update_requested", at);
        }
        return new KeyUpdate(request == update_requested);
    }

    @Override
    public int type() {
        return HandshakeType.key_update;
    }

    public boolean updateRequested() {
        return updateRequested;
    }

    @Override
    void writeBody(WireWriter w) {
        w.u8(updateRequested ? update_requested : update_not_requested);
    }

    @Override
    String describe() {
        return updateRequested ? "update_requested" : "update_not_requested";
    }
}
