package io.tlslens.stack;

import io.tlslens.wire.ContentType;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeReassembler;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLException;

/**
 * A connection that enables TLS 1.3 and TLS 1.2 and learns which one it speaks from the peer's
 * first handshake message (the server from the ClientHello, the client from the ServerHello, as
 * RFC 8446 §4.2.1 negotiates). Until then the TLS 1.3 connection stands in, and the peer's records
 * are held back unread; once the message is whole, the chosen connection gets them all, in order.
 * Anything that is not a handshake record goes to the stand-in at once, which fails on it as it
 * would.
 */
abstract class VersionRouter implements TlsConnection {
    private final List<byte[]> heldRecords = new ArrayList<>();
    private final HandshakeReassembler reassembler = new HandshakeReassembler();
    private final HandshakeView view = new RoutedView();
    private TlsConnection current;
    private boolean routed;

    VersionRouter(TlsConnection standIn) {
        this.current = standIn;
    }

    /** The connection for the rest of the handshake, given the peer's first handshake message. */
    abstract TlsConnection choose(HandshakeFrame first, TlsConnection standIn) throws SSLException;

    @Override
    public boolean processRecord(ByteBuffer src) throws SSLException {
        if (routed) {
            return current.processRecord(src);
        }
        int start = src.position();
        boolean handshakeRecord = src.remaining() < 2
                || (src.get(start) == ContentType.handshake && src.get(start + 1) == 3);
        if (!handshakeRecord) {
            route(current);
            return current.processRecord(src);
        }
        if (src.remaining() < TlsRecord.HEADER_LENGTH) {
            return false;
        }
        int length = (src.get(start + 3) & 0xff) << 8 | src.get(start + 4) & 0xff;
        if (src.remaining() < TlsRecord.HEADER_LENGTH + length) {
            return false;
        }
        byte[] record = new byte[TlsRecord.HEADER_LENGTH + length];
        src.get(record);
        heldRecords.add(record);
        List<HandshakeFrame> frames;
        try {
            frames = reassembler.add(Arrays.copyOfRange(record, TlsRecord.HEADER_LENGTH, record.length));
        } catch (DecodeException e) {
            route(current);
            return true;
        }
        if (!frames.isEmpty()) {
            route(choose(frames.get(0), current));
        }
        return true;
    }

    /** Hands the held records to {@code chosen}, which answers for the connection from now on. */
    private void route(TlsConnection chosen) throws SSLException {
        current = chosen;
        routed = true;
        for (byte[] record : heldRecords) {
            current.processRecord(ByteBuffer.wrap(record));
        }
        heldRecords.clear();
    }

    @Override
    public void beginHandshake() throws SSLException {
        current.beginHandshake();
    }

    @Override
    public int pendingOutput() {
        return current.pendingOutput();
    }

    @Override
    public int nextRecordSize() {
        return current.nextRecordSize();
    }

    @Override
    public int takeOutput(ByteBuffer dst) {
        return current.takeOutput(dst);
    }

    @Override
    public int availablePlaintext() {
        return current.availablePlaintext();
    }

    @Override
    public int readPlaintext(ByteBuffer dst) {
        return current.readPlaintext(dst);
    }

    @Override
    public int writePlaintext(ByteBuffer src) throws SSLException {
        return current.writePlaintext(src);
    }

    @Override
    public int writePlaintext(ByteBuffer src, ByteBuffer dst) throws SSLException {
        return current.writePlaintext(src, dst);
    }

    /** The larger of the two versions' records until the version is known. */
    @Override
    public int maxRecordSize() {
        return routed ? current.maxRecordSize() : Math.max(current.maxRecordSize(), MAX_TLS12_RECORD);
    }

    /** A TLS 1.2 AES-GCM record: header, explicit nonce, 2^14 bytes, tag. */
    private static final int MAX_TLS12_RECORD = TlsRecord.HEADER_LENGTH + 8 + (1 << 14) + 16;

    @Override
    public void closeOutbound() {
        current.closeOutbound();
    }

    @Override
    public void transportClosed() {
        current.transportClosed();
    }

    @Override
    public void updateKeys(boolean requestPeerUpdate) throws SSLException {
        current.updateKeys(requestPeerUpdate);
    }

    @Override
    public boolean isHandshaking() {
        return current.isHandshaking();
    }

    @Override
    public boolean isHandshakeComplete() {
        return current.isHandshakeComplete();
    }

    @Override
    public boolean isInboundDone() {
        return current.isInboundDone();
    }

    @Override
    public boolean isOutboundDone() {
        return current.isOutboundDone();
    }

    /** One view for the whole connection, which callers may keep: what the connection in charge sees. */
    @Override
    public HandshakeView view() {
        return view;
    }

    private final class RoutedView implements HandshakeView {
        @Override
        public boolean isClient() {
            return current.view().isClient();
        }

        @Override
        public String peerHost() {
            return current.view().peerHost();
        }

        @Override
        public int peerPort() {
            return current.view().peerPort();
        }

        @Override
        public OptionalInt version() {
            return current.view().version();
        }

        @Override
        public OptionalInt cipherSuite() {
            return current.view().cipherSuite();
        }

        @Override
        public List<String> serverNames() {
            return current.view().serverNames();
        }

        @Override
        public List<Integer> peerSignatureSchemes() {
            return current.view().peerSignatureSchemes();
        }

        @Override
        public List<Integer> localSignatureSchemes() {
            return current.view().localSignatureSchemes();
        }

        @Override
        public List<X509Certificate> peerCertificates() {
            return current.view().peerCertificates();
        }

        @Override
        public List<X509Certificate> localCertificates() {
            return current.view().localCertificates();
        }

        @Override
        public Optional<String> applicationProtocol() {
            return current.view().applicationProtocol();
        }

        @Override
        public byte[] sessionId() {
            return current.view().sessionId();
        }

        @Override
        public long creationTime() {
            return current.view().creationTime();
        }

        @Override
        public boolean resumed() {
            return current.view().resumed();
        }

        @Override
        public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
            return current.view().exportKeyingMaterial(label, context, length);
        }
    }
}
