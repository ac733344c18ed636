package io.tlslens.stack.crypto;

import io.tlslens.wire.NamedGroup;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * An ephemeral ECDH key pair on a NIST prime curve (RFC 8446 §4.2.8.2, §7.4.2): key_exchange is the
 * uncompressed point, the shared secret is the x coordinate, as long as a field element.
 */
final class EcdhKeyShare implements TlsCrypto.KeyShare {
    private final int group;
    private final ECDomainParameters domain;
    private final int fieldLength;
    private final AsymmetricCipherKeyPair keyPair;

    EcdhKeyShare(int group, X9ECParameters curve, SecureRandom random) {
        this.group = group;
        this.domain = new ECDomainParameters(curve);
        this.fieldLength = (curve.getCurve().getFieldSize() + 7) / 8;
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, random));
        this.keyPair = generator.generateKeyPair();
    }

    @Override
    public int group() {
        return group;
    }

    @Override
    public byte[] publicKey() {
        return ((ECPublicKeyParameters) keyPair.getPublic()).getQ().getEncoded(false);
    }

    /**
     * The x coordinate of the shared point. The peer's point must be uncompressed (the only form
     * TLS 1.3 allows), on the curve and not the point at infinity; Bouncy Castle's decoding and
     * {@link ECPublicKeyParameters} check the last two.
     */
    @Override
    public byte[] sharedSecret(byte[] peerPublicKey) throws GeneralSecurityException {
        String name = NamedGroup.name(group);
        if (peerPublicKey.length != 1 + 2 * fieldLength || peerPublicKey[0] != 0x04) {
            throw new GeneralSecurityException(name + " key_exchange is not an uncompressed point");
        }
        ECPublicKeyParameters peer;
        try {
            ECPoint point = domain.getCurve().decodePoint(peerPublicKey);
            peer = new ECPublicKeyParameters(point, domain);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException(name + " key_exchange is not a point on the curve");
        }
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(keyPair.getPrivate());
        BigInteger x;
        try {
            x = agreement.calculateAgreement(peer);
        } catch (IllegalStateException e) {
            throw new GeneralSecurityException(name + " shared point is the point at infinity");
        }
        return BigIntegers.asUnsignedByteArray(fieldLength, x);
    }

    @Override
    public String toString() {
        return "KeyShare{" + NamedGroup.name(group) + "}";
    }
}
