package io.tlslens.stack.tls12;

import io.tlslens.stack.crypto.HashFunction;
import io.tlslens.stack.crypto.TlsCrypto;
import java.util.Arrays;

/**
 * TLS 1.2 key derivation, all of it (RFC 5246 §6.3, §7.4.9, §8.1; RFC 7627 §4; RFC 5705 §4): the
 * master secret from the premaster secret, then from the master secret the key block, the
 * Finished verify_data and exported keying material. Every output goes through the suite's
 * {@link Prf}. The secret never leaves except through {@link #secret()} for the session cache and
 * the key log.
 */
final class MasterSecret {
    static final int LENGTH = 48;
    /** RFC 5246 §7.4.9: verify_data_length for every cipher suite defined so far. */
    static final int VERIFY_DATA_LENGTH = 12;

    private final Tls12CipherSuite suite;
    private final HashFunction hash;
    private final TlsCrypto crypto;
    private final byte[] secret;

    private MasterSecret(TlsCrypto crypto, Tls12CipherSuite suite, byte[] secret) {
        this.crypto = crypto;
        this.suite = suite;
        this.hash = suite.hash(crypto);
        this.secret = secret;
    }

    /** RFC 7627 §4: {@code PRF(pre_master_secret, "extended master secret", session_hash)[0..47]}. */
    static MasterSecret extended(TlsCrypto crypto, Tls12CipherSuite suite, byte[] preMasterSecret, byte[] sessionHash) {
        return new MasterSecret(crypto, suite,
                Prf.prf(suite.hash(crypto), preMasterSecret, "extended master secret", sessionHash, LENGTH));
    }

    /** RFC 5246 §8.1: {@code PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47]}. */
    static MasterSecret classic(TlsCrypto crypto, Tls12CipherSuite suite, byte[] preMasterSecret, byte[] clientRandom,
            byte[] serverRandom) {
        return new MasterSecret(crypto, suite, Prf.prf(suite.hash(crypto), preMasterSecret, "master secret",
                Prf.concat(clientRandom, serverRandom), LENGTH));
    }

    /** The master secret of a session being resumed. */
    static MasterSecret resumed(TlsCrypto crypto, Tls12CipherSuite suite, byte[] secret) {
        if (secret.length != LENGTH) {
            throw new IllegalArgumentException("master secret of " + secret.length + " bytes");
        }
        return new MasterSecret(crypto, suite, secret.clone());
    }

    /**
     * RFC 5246 §6.3: {@code key_block = PRF(master_secret, "key expansion", server_random +
     * client_random)}, cut into client and server write keys and IVs (the AEAD suites have no MAC
     * keys), each made into the record protection of its direction.
     */
    KeyBlock keyBlock(byte[] clientRandom, byte[] serverRandom) {
        int keyLength = suite.keyLength;
        int ivLength = suite.nonce.fixedIvLength;
        byte[] block = keyExpansion(clientRandom, serverRandom, 2 * (keyLength + ivLength));
        int at = 0;
        byte[] clientKey = Arrays.copyOfRange(block, at, at += keyLength);
        byte[] serverKey = Arrays.copyOfRange(block, at, at += keyLength);
        byte[] clientIv = Arrays.copyOfRange(block, at, at += ivLength);
        byte[] serverIv = Arrays.copyOfRange(block, at, at + ivLength);
        return new KeyBlock(clientKey, clientIv, serverKey, serverIv);
    }

    /** The first {@code length} bytes of the key block. */
    byte[] keyExpansion(byte[] clientRandom, byte[] serverRandom, int length) {
        return Prf.prf(hash, secret, "key expansion", Prf.concat(serverRandom, clientRandom), length);
    }

    /** The two directions' keys and IVs. */
    final class KeyBlock {
        private final byte[] clientKey;
        private final byte[] clientIv;
        private final byte[] serverKey;
        private final byte[] serverIv;

        private KeyBlock(byte[] clientKey, byte[] clientIv, byte[] serverKey, byte[] serverIv) {
            this.clientKey = clientKey;
            this.clientIv = clientIv;
            this.serverKey = serverKey;
            this.serverIv = serverIv;
        }

        /** The protection of records the client writes (and the server reads). */
        Tls12RecordProtection client() {
            return new Tls12RecordProtection(crypto.aead(suite.code(), clientKey), clientIv, suite.nonce);
        }

        /** The protection of records the server writes. */
        Tls12RecordProtection server() {
            return new Tls12RecordProtection(crypto.aead(suite.code(), serverKey), serverIv, suite.nonce);
        }
    }

    /** RFC 5246 §7.4.9: {@code PRF(master_secret, finished_label, Hash(handshake_messages))[0..11]}. */
    byte[] verifyData(boolean client, byte[] handshakeHash) {
        return Prf.prf(hash, secret, client ? "client finished" : "server finished", handshakeHash, VERIFY_DATA_LENGTH);
    }

    /**
     * RFC 5705 §4: {@code PRF(master_secret, label, client_random + server_random [+ context_length
     * + context])}; a null {@code context} is "no context", which differs from an empty one.
     */
    byte[] export(String label, byte[] context, byte[] clientRandom, byte[] serverRandom, int length) {
        byte[] seed = Prf.concat(clientRandom, serverRandom);
        if (context != null) {
            if (context.length > 0xFFFF) {
                throw new IllegalArgumentException("exporter context longer than 2^16-1 bytes");
            }
            seed = Prf.concat(Prf.concat(seed, new byte[] {(byte) (context.length >>> 8), (byte) context.length}), context);
        }
        return Prf.prf(hash, secret, label, seed, length);
    }

    /** A copy of the secret: for the session cache and the key log only. */
    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "MasterSecret{" + suite + "}";
    }
}
