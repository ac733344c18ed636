package io.tlslens.stack.tls13;

/** The write key and IV of one traffic secret (RFC 8446 §7.3). */
public final class TrafficKeys {
    private final byte[] key;
    private final byte[] iv;

    TrafficKeys(byte[] key, byte[] iv) {
        this.key = key;
        this.iv = iv;
    }

    public byte[] key() {
        return key.clone();
    }

    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public String toString() {
        return "TrafficKeys{key " + key.length + " bytes, iv " + iv.length + " bytes}";
    }
}
