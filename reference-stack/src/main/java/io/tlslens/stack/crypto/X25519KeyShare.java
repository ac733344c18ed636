package io.tlslens.stack.crypto;

import io.tlslens.wire.NamedGroup;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/** An ephemeral X25519 key pair (RFC 7748; RFC 8446 §4.2.8.2, §7.4.2). */
final class X25519KeyShare implements TlsCrypto.KeyShare {
    private static final int KEY_LENGTH = X25519PublicKeyParameters.KEY_SIZE;

    private final X25519PrivateKeyParameters privateKey;

    X25519KeyShare(SecureRandom random) {
        this.privateKey = new X25519PrivateKeyParameters(random);
    }

    @Override
    public int group() {
        return NamedGroup.x25519;
    }

    @Override
    public byte[] publicKey() {
        return privateKey.generatePublicKey().getEncoded();
    }

    /**
     * The X25519 shared secret. RFC 8446 §7.4.2 requires refusing an all-zero result, which a
     * low-order peer key produces; Bouncy Castle's agreement reports that case as a failure.
     */
    @Override
    public byte[] sharedSecret(byte[] peerPublicKey) throws GeneralSecurityException {
        if (peerPublicKey.length != KEY_LENGTH) {
            throw new GeneralSecurityException("x25519 key_exchange of " + peerPublicKey.length + " bytes, not 32");
        }
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(privateKey);
        byte[] secret = new byte[agreement.getAgreementSize()];
        try {
            agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublicKey), secret, 0);
        } catch (IllegalStateException e) {
            throw new GeneralSecurityException("x25519 shared secret is all zeros: the peer sent a low-order point");
        }
        return secret;
    }

    @Override
    public String toString() {
        return "KeyShare{x25519}";
    }
}
