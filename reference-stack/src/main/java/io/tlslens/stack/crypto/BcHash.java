package io.tlslens.stack.crypto;

import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Memoable;

/** SHA-256 and SHA-384 with their HMAC, on Bouncy Castle's digests. */
final class BcHash implements HashFunction {
    static final BcHash SHA256 = new BcHash("SHA-256", SHA256Digest::new);
    static final BcHash SHA384 = new BcHash("SHA-384", SHA384Digest::new);

    private final String name;
    private final Supplier<Digest> digests;
    private final int length;

    private BcHash(String name, Supplier<Digest> digests) {
        this.name = name;
        this.digests = digests;
        this.length = digests.get().getDigestSize();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public byte[] digest(byte[] data) {
        Digest d = digests.get();
        d.update(data, 0, data.length);
        byte[] out = new byte[length];
        d.doFinal(out, 0);
        return out;
    }

    @Override
    public byte[] hmac(byte[] key, byte[] data) {
        HMac mac = new HMac(digests.get());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[length];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public RunningHash start() {
        return new Running(digests.get());
    }

    @Override
    public String toString() {
        return name;
    }

    /** A running digest; SHA256Digest and SHA384Digest are Memoable, which gives both current() and copy(). */
    private static final class Running implements RunningHash {
        private final Digest digest;

        Running(Digest digest) {
            this.digest = digest;
        }

        @Override
        public void update(byte[] data) {
            digest.update(data, 0, data.length);
        }

        @Override
        public byte[] current() {
            Digest snapshot = (Digest) ((Memoable) digest).copy();
            byte[] out = new byte[snapshot.getDigestSize()];
            snapshot.doFinal(out, 0);
            return out;
        }

        @Override
        public RunningHash copy() {
            return new Running((Digest) ((Memoable) digest).copy());
        }
    }
}
