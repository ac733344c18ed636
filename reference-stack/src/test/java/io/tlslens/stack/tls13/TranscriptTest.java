package io.tlslens.stack.tls13;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tlslens.stack.crypto.BcTlsCrypto;
import io.tlslens.stack.crypto.HashFunction;
import io.tlslens.wire.Finished;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    private static final BcTlsCrypto CRYPTO = new BcTlsCrypto();
    private static final HashFunction SHA256 = CRYPTO.hash("SHA-256");
    private static final HashFunction SHA384 = CRYPTO.hash("SHA-384");
    private static final byte[] CLIENT_HELLO = {1, 0, 0, 2, 3, 3};
    private static final byte[] SERVER_HELLO = {2, 0, 0, 1, 9};

    @Test
    void buffersUntilTheHashIsKnown() {
        Transcript buffered = new Transcript();
        buffered.add(CLIENT_HELLO);
        assertThrows(IllegalStateException.class, buffered::currentHash);
        buffered.useHash(SHA384);
        buffered.add(SERVER_HELLO);

        Transcript direct = new Transcript(SHA384);
        direct.add(CLIENT_HELLO);
        direct.add(SERVER_HELLO);
        assertArrayEquals(direct.currentHash(), buffered.currentHash());
        assertArrayEquals(SHA384.digest(concat(CLIENT_HELLO, SERVER_HELLO)), buffered.currentHash());
    }

    @Test
    void addsMessagesWithTheirHeader() {
        Finished finished = new Finished(new byte[32]);
        Transcript transcript = new Transcript(SHA256);
        transcript.add(finished);
        assertArrayEquals(SHA256.digest(finished.encode()), transcript.currentHash());
    }

    @Test
    void theHashIsFixedOnce() {
        Transcript transcript = new Transcript(SHA256);
        transcript.useHash(SHA256);
        assertThrows(IllegalStateException.class, () -> transcript.useHash(SHA384));
    }

    /** RFC 8446 §4.4.1: ClientHello1 becomes message_hash, 0xfe 00 00 Hash.length Hash(ClientHello1). */
    @Test
    void helloRetryRequestReplacesClientHelloByMessageHash() {
        byte[] retry = {2, 0, 0, 1, 7};
        for (HashFunction hash : new HashFunction[] {SHA256, SHA384}) {
            Transcript transcript = new Transcript();
            transcript.add(CLIENT_HELLO);
            transcript.useHash(hash);
            transcript.replaceClientHelloWithMessageHash();
            transcript.add(retry);
            byte[] messageHash = concat(new byte[] {(byte) 0xfe, 0, 0, (byte) hash.length()}, hash.digest(CLIENT_HELLO));
            assertArrayEquals(hash.digest(concat(messageHash, retry)), transcript.currentHash());
        }
    }

    /** RFC 8446 §4.2.11.2: the binder hashes the transcript plus a truncated ClientHello, which is not added. */
    @Test
    void partialClientHelloHashLeavesTheTranscriptAlone() {
        byte[] partial = {1, 0, 0, 9, 4, 4};
        Transcript beforeHash = new Transcript();
        assertArrayEquals(SHA256.digest(partial), beforeHash.hashWithPartialClientHello(SHA256, partial));
        beforeHash.add(CLIENT_HELLO);
        beforeHash.useHash(SHA256);
        assertArrayEquals(SHA256.digest(CLIENT_HELLO), beforeHash.currentHash());

        // after a HelloRetryRequest the hash is fixed: the binder covers message_hash, the retry and ClientHello2's prefix
        Transcript afterRetry = new Transcript(SHA256);
        afterRetry.add(CLIENT_HELLO);
        byte[] before = afterRetry.currentHash();
        assertArrayEquals(SHA256.digest(concat(CLIENT_HELLO, partial)), afterRetry.hashWithPartialClientHello(SHA256, partial));
        assertArrayEquals(before, afterRetry.currentHash());
        assertThrows(IllegalStateException.class, () -> afterRetry.hashWithPartialClientHello(SHA384, partial));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
