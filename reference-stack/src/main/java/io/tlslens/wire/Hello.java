package io.tlslens.wire;

/** What ClientHello and ServerHello share: the legacy_session_id limit and the optional extensions block. */
final class Hello {
    static final int RANDOM_LENGTH = 32;
    static final int MAX_SESSION_ID_LENGTH = 32;

    private Hello() {
    }

    static byte[] sessionId(WireReader r) throws DecodeException {
        int at = r.position();
        byte[] id = r.opaque(1, "legacy_session_id");
        if (id.length > MAX_SESSION_ID_LENGTH) {
            throw new DecodeException("legacy_session_id: " + id.length + " bytes, at most 32 allowed", at);
        }
        return id;
    }

    static void checkSessionId(byte[] id) {
        if (id.length > MAX_SESSION_ID_LENGTH) {
            throw new IllegalArgumentException("legacy_session_id of " + id.length + " bytes");
        }
    }

    static void checkRandom(byte[] random) {
        if (random.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("random of " + random.length + " bytes");
        }
    }
}
