package io.tlslens.stack.tls12;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.HandshakeView;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.TlsConfig;
import io.tlslens.stack.TlsConnection;
import io.tlslens.stack.handshake.GuardedObserver;
import io.tlslens.stack.handshake.HandshakeState;
import io.tlslens.stack.record.InboundRecord;
import io.tlslens.stack.record.ReceivedPlaintext;
import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlertLevel;
import io.tlslens.wire.ChangeCipherSpec;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.HandshakeFrame;
import io.tlslens.wire.HandshakeReassembler;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * A TLS 1.2 connection (RFC 5246) without I/O: routes each record to the handshake, the
 * ChangeCipherSpec and alert protocols or the application, and turns every failure into the
 * alert RFC 5246 §7.2 prescribes, queued for the peer before the exception reaches the caller.
 */
public final class Tls12Connection implements TlsConnection {
    private final HandshakeObserver observer;
    private final Tls12RecordWriter writer = new Tls12RecordWriter();
    private final HandshakeReassembler reassembler = new HandshakeReassembler();
    private final HandshakeState view;
    private final Tls12Handshake handshake;
    private final ReceivedPlaintext received = new ReceivedPlaintext();
    private final Tls12RecordReader reader = new Tls12RecordReader(received);
    private boolean started;
    private boolean failed;
    private boolean inboundDone;
    private boolean outboundClosed;

    private Tls12Connection(TlsConfig config, HandshakeObserver observer, Tls12ClientOffer offer) {
        this.observer = new GuardedObserver(observer);
        this.view = new HandshakeState(config.isClient(), config.peerHost(), config.peerPort(), System.currentTimeMillis(),
                config.signatureSchemes());
        this.handshake = config.isClient()
                ? new Tls12ClientHandshake(config, this.observer, reader, writer, view, offer)
                : new Tls12ServerHandshake(config, this.observer, reader, writer, view);
    }

    /** A connection that speaks TLS 1.2 only, on {@code config}, reporting to {@code observer}. */
    public Tls12Connection(TlsConfig config, HandshakeObserver observer) {
        this(config, observer, config.isClient() ? Tls12ClientOffer.of(config).orElse(null) : null);
    }

    /**
     * A client that sent the ClientHello recorded in {@code offer} through a TLS 1.3 connection,
     * and continues in TLS 1.2 because the server chose it; the records from the server go here.
     */
    public static Tls12Connection continuing(TlsConfig config, HandshakeObserver observer, Tls12ClientOffer offer) {
        Tls12Connection connection = new Tls12Connection(config, observer, offer);
        connection.started = true;
        ((Tls12ClientHandshake) connection.handshake).continueAfter(offer.sent());
        return connection;
    }

    /** The TLS 1.2 suites {@code config} enables that this stack implements, in its order. */
    public static List<Integer> enabledSuites(TlsConfig config) {
        return config.cipherSuites().stream()
                .filter(s -> Tls12CipherSuite.byCode(s).isPresent() && config.crypto().supportsCipherSuite(s))
                .collect(Collectors.toList());
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
            if (!inboundDone) {
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

    /** RFC 5246 §7.1: the peer switches its writing to the new keys; its Finished must come next, whole. */
    private void changeCipherSpec(InboundRecord record) throws TlsAlertException {
        try {
            ChangeCipherSpec.decode(record.content());
        } catch (DecodeException e) {
            throw new TlsAlertException(AlertDescription.decode_error, "ChangeCipherSpec record is not the single byte 1");
        }
        if (!reassembler.isEmpty()) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "ChangeCipherSpec inside a fragmented handshake message");
        }
        handshake.changeCipherSpecReceived();
    }

    /**
     * RFC 5246 §7.2: close_notify ends the inbound side; a fatal alert ends the connection; other
     * warnings (user_canceled, no_renegotiation, ...) are reported and otherwise ignored.
     */
    private void alert(InboundRecord record) throws SSLException {
        Alert alert;
        try {
            alert = Alert.decode(record.content());
        } catch (DecodeException e) {
            throw new TlsAlertException(AlertDescription.decode_error, "malformed alert record");
        }
        observer.alertReceived(alert);
        if (alert.description() == AlertDescription.close_notify) {
            inboundDone = true;
            return;
        }
        if (alert.level() == AlertLevel.warning) {
            return;
        }
        failed = true;
        inboundDone = true;
        outboundClosed = true;
        SSLException e = new SSLException("Received fatal alert: " + AlertDescription.name(alert.description()));
        observer.failed(e);
        throw e;
    }

    private void handshakeMessages(InboundRecord record) throws SSLException {
        List<HandshakeFrame> frames;
        try {
            frames = reassembler.add(record.content());
        } catch (DecodeException e) {
            throw new TlsAlertException(AlertDescription.decode_error, e.getMessage());
        }
        for (HandshakeFrame frame : frames) {
            if (handshake.isComplete()) {
                handshake.handlePostHandshake(frame);
            } else {
                handshake.handle(frame);
            }
        }
    }

    private void applicationData(InboundRecord record) throws TlsAlertException {
        if (!handshake.isComplete()) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "application data before the handshake completed");
        }
        if (!reassembler.isEmpty()) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "application data inside a fragmented handshake message");
        }
        if (record.contentLength() > 0) {
            received.add(record.contentBuffer());
        }
    }

    /**
     * Sends the alert for {@code e}, closes both directions, reports the failure, and returns
     * {@code e} to throw. no_renegotiation goes out as the warning RFC 5246 §7.2.2 says it always is;
     * the connection ends all the same.
     */
    private SSLException fail(TlsAlertException e) {
        if (!failed) {
            failed = true;
            inboundDone = true;
            if (!outboundClosed) {
                int level = e.alertDescription() == AlertDescription.no_renegotiation ? AlertLevel.warning : AlertLevel.fatal;
                Alert alert = new Alert(level, e.alertDescription());
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
        if (!handshake.isComplete()) {
            throw new SSLException("the handshake is not complete");
        }
        return writer.applicationData(src);
    }

    @Override
    public int writePlaintext(ByteBuffer src, ByteBuffer dst) throws SSLException {
        if (failed || outboundClosed || !handshake.isComplete()) {
            return writePlaintext(src); // refuses, as it does
        }
        return writer.applicationData(src, dst);
    }

    @Override
    public int maxRecordSize() {
        return Tls12RecordWriter.MAX_RECORD_SIZE;
    }

    @Override
    public void closeOutbound() {
        if (outboundClosed) {
            return;
        }
        outboundClosed = true;
        Alert alert = new Alert(AlertLevel.warning, AlertDescription.close_notify);
        writer.alert(alert);
        observer.alertSent(alert);
        if (isHandshaking()) {
            // as in TLS 1.3: the observer hears the end of an abandoned handshake now
            observer.failed(new SSLException("The application closed the connection before the handshake completed"));
        }
    }

    /** TLS 1.2 has no KeyUpdate; new keys would take a renegotiation, which this stack refuses. */
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
        throw new SSLException("KeyUpdate is TLS 1.3; this connection is TLS 1.2");
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
