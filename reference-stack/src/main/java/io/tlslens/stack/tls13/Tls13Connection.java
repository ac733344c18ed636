package io.tlslens.stack.tls13;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.HandshakeView;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.TlsConfig;
import io.tlslens.stack.TlsConnection;
import io.tlslens.stack.handshake.GuardedObserver;
import io.tlslens.stack.handshake.HandshakeState;
import io.tlslens.stack.record.InboundRecord;
import io.tlslens.stack.record.ReceivedPlaintext;
import io.tlslens.stack.record.RecordReader;
import io.tlslens.stack.record.RecordWriter;
import io.tlslens.stack.tls12.Tls12ClientOffer;
import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlertLevel;
import io.tlslens.wire.ChangeCipherSpec;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeReassembler;
import io.tlslens.wire.HandshakeType;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * A TLS 1.3 connection (RFC 8446) without I/O: routes each record to the handshake, the alert
 * protocol or the application, and turns every failure into the alert RFC 8446 §6.2 prescribes,
 * queued for the peer before the exception reaches the caller.
 */
public final class Tls13Connection implements TlsConnection {
    private final HandshakeObserver observer;
    private final RecordWriter writer;
    private final HandshakeReassembler reassembler = new HandshakeReassembler();
    private final HandshakeState view;
    private final Tls13Handshake handshake;
    private final ReceivedPlaintext received = new ReceivedPlaintext();
    private final RecordReader reader = new RecordReader(received);
    private boolean started;
    private boolean failed;
    private boolean inboundDone;
    private boolean outboundClosed;

    /** A connection on {@code config}, reporting to {@code observer}. */
    public Tls13Connection(TlsConfig config, HandshakeObserver observer) {
        this(config, observer, null);
    }

    /**
     * A client that offers TLS 1.2 too, with {@code tls12} in its ClientHello; the TLS 1.2 client
     * takes over from that ClientHello if the server answers in TLS 1.2.
     */
    public Tls13Connection(TlsConfig config, HandshakeObserver observer, Tls12ClientOffer tls12) {
        this.observer = new GuardedObserver(observer);
        this.writer = new RecordWriter(config.recordPadding());
        this.view = new HandshakeState(config.isClient(), config.peerHost(), config.peerPort(), System.currentTimeMillis(),
                config.signatureSchemes());
        this.handshake = config.isClient()
                ? new ClientHandshake(config, this.observer, reader, writer, view, tls12)
                : new ServerHandshake(config, this.observer, reader, writer, view);
    }

    @Override
    public void beginHandshake() throws SSLException {
        if (started) {
            return;
        }
        started = true;
        try {
            handshake.start();
            writer.flush();
        } catch (TlsAlertException e) {
            throw fail(e);
        }
    }

    @Override
    public boolean processRecord(ByteBuffer src) throws SSLException {
        if (failed) {
            throw new SSLException("connection failed earlier");
        }
        if (!started) {
            beginHandshake();
        }
        try {
            InboundRecord record = reader.read(src);
            if (record == null) {
                return false;
            }
            if (!inboundDone && !record.isSkipped()) {
                dispatch(record);
            }
            writer.flush();
            return true;
        } catch (TlsAlertException e) {
            throw fail(e);
        } catch (RuntimeException e) {
            throw fail(new TlsAlertException(AlertDescription.internal_error, "internal error: " + e, e));
        }
    }

    private void dispatch(InboundRecord record) throws SSLException {
        switch (record.contentType()) {
            case ContentType.change_cipher_spec:
                changeCipherSpec(record);
                break;
            case ContentType.alert:
                alert(record);
                break;
            case ContentType.handshake:
                handshakeMessages(record);
                break;
            case ContentType.application_data:
                applicationData(record);
                break;
            default:
                throw new TlsAlertException(AlertDescription.unexpected_message,
                        "record of content type " + ContentType.name(record.contentType()));
        }
    }

    /** §5: a TLS 1.3 peer may send one-byte ChangeCipherSpec records during the handshake only; they are dropped. */
    private void changeCipherSpec(InboundRecord record) throws TlsAlertException {
        try {
            ChangeCipherSpec.decode(record.content());
        } catch (DecodeException e) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "ChangeCipherSpec record is not the single byte 1");
        }
        if (!handshake.acceptsChangeCipherSpec()) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "ChangeCipherSpec outside the handshake");
        }
        observer.changeCipherSpecReceived();
    }

    /**
     * §6: close_notify ends the inbound side (and the handshake, if it was not complete);
     * user_canceled is a warning to ignore; every other alert is fatal in TLS 1.3 whatever its level.
     */
    private void alert(InboundRecord record) throws SSLException {
        Alert alert;
        try {
            alert = Alert.decode(record.content());
        } catch (DecodeException e) {
            throw new TlsAlertException(AlertDescription.decode_error, "malformed alert record");
        }
        observer.alertReceived(alert);
        if (alert.description() == AlertDescription.close_notify && handshake.isComplete()) {
            inboundDone = true;
            return;
        }
        if (alert.description() == AlertDescription.user_canceled) {
            return;
        }
        failed = true;
        inboundDone = true;
        outboundClosed = true;
        SSLException e = new SSLException(alert.description() == AlertDescription.close_notify
                ? "Received close_notify during the handshake"
                : "Received fatal alert: " + AlertDescription.name(alert.description())
                        + (alert.level() == AlertLevel.fatal ? "" : " (sent as a warning)"));
        observer.failed(e);
        throw e;
    }

    /**
     * Feeds the handshake one message at a time. A message may not span a change of read keys
     * (§5.1): once the handshake has changed them, no byte of the record may be left over.
     */
    private void handshakeMessages(InboundRecord record) throws SSLException {
        List<HandshakeFrame> frames;
        try {
            frames = reassembler.add(record.content());
        } catch (DecodeException e) {
            throw new TlsAlertException(AlertDescription.decode_error, e.getMessage());
        }
        for (int i = 0; i < frames.size(); i++) {
            int epoch = reader.epoch();
            HandshakeFrame frame = frames.get(i);
            if (handshake.isComplete()) {
                handshake.handlePostHandshake(frame);
            } else {
                handshake.handle(frame);
            }
            if (reader.epoch() != epoch && (i < frames.size() - 1 || !reassembler.isEmpty())) {
                throw new TlsAlertException(AlertDescription.unexpected_message,
                        "handshake data after " + HandshakeType.messageName(frame.type()) + " in the record that changed keys");
            }
        }
    }

    private void applicationData(InboundRecord record) throws TlsAlertException {
        if (!handshake.acceptsApplicationData()) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "application data before the handshake completed");
        }
        if (!reassembler.isEmpty()) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "application data inside a fragmented handshake message");
        }
        handshake.applicationDataReceived(record.contentLength());
        if (record.contentLength() > 0) {
            received.add(record.contentBuffer());
        }
    }

    /** Sends the alert for {@code e}, closes both directions, reports the failure, and returns {@code e} to throw. */
    private SSLException fail(TlsAlertException e) {
        if (!failed) {
            failed = true;
            inboundDone = true;
            if (!outboundClosed) {
                Alert alert = new Alert(AlertLevel.fatal, e.alertDescription());
                writer.alert(alert);
                observer.alertSent(alert);
                outboundClosed = true;
            }
            observer.failed(e);
        }
        return e;
    }

    @Override
    public int pendingOutput() {
        return writer.pendingBytes();
    }

    @Override
    public int nextRecordSize() {
        return writer.nextRecordSize();
    }

    @Override
    public int takeOutput(ByteBuffer dst) {
        return writer.take(dst);
    }

    @Override
    public int availablePlaintext() {
        return received.available();
    }

    @Override
    public int readPlaintext(ByteBuffer dst) {
        return received.read(dst);
    }

    @Override
    public int writePlaintext(ByteBuffer src) throws SSLException {
        if (failed || outboundClosed) {
            throw new SSLException("connection closed for writing");
        }
        if (handshake.isComplete()) {
            return writer.applicationData(src);
        }
        long allowance = handshake.earlyDataAllowance();
        if (allowance <= 0) {
            throw new SSLException("the handshake is not complete");
        }
        ByteBuffer limited = src.duplicate();
        limited.limit(limited.position() + (int) Math.min(src.remaining(), allowance));
        int n = writer.applicationData(limited);
        src.position(src.position() + n);
        handshake.earlyDataSent(n);
        return n;
    }

    @Override
    public int writePlaintext(ByteBuffer src, ByteBuffer dst) throws SSLException {
        if (failed || outboundClosed || !handshake.isComplete()) {
            return writePlaintext(src); // refuses, or queues early data, as it does
        }
        return writer.applicationData(src, dst);
    }

    @Override
    public int maxRecordSize() {
        return writer.maxRecordSize();
    }

    @Override
    public void closeOutbound() {
        if (outboundClosed) {
            return;
        }
        outboundClosed = true;
        handshake.outboundClosed();
        Alert alert = new Alert(AlertLevel.warning, AlertDescription.close_notify);
        writer.alert(alert);
        observer.alertSent(alert);
        if (isHandshaking()) {
            // The application gave up on the handshake (a server whose peer went away without an alert
            // often does): the observer hears the end now, not only when a handshake timeout fires.
            observer.failed(new SSLException("The application closed the connection before the handshake completed"));
        }
    }

    @Override
    public void transportClosed() {
        if (failed || handshake.isComplete()) {
            return;
        }
        failed = true;
        inboundDone = true;
        outboundClosed = true;
        observer.failed(new EOFException("the peer closed the connection during the handshake"));
    }

    @Override
    public void updateKeys(boolean requestPeerUpdate) throws SSLException {
        if (!handshake.isComplete() || failed || outboundClosed) {
            throw new SSLException("KeyUpdate needs an established connection that is open for writing");
        }
        handshake.updateKeys(requestPeerUpdate);
        writer.flush();
    }

    @Override
    public boolean isHandshaking() {
        return started && !handshake.isComplete() && !failed;
    }

    @Override
    public boolean isHandshakeComplete() {
        return handshake.isComplete();
    }

    @Override
    public boolean isInboundDone() {
        return inboundDone;
    }

    @Override
    public boolean isOutboundDone() {
        return outboundClosed && writer.pendingBytes() == 0;
    }

    @Override
    public HandshakeView view() {
        return view;
    }
}
