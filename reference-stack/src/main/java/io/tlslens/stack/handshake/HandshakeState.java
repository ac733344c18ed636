package io.tlslens.stack.handshake;

import io.tlslens.stack.HandshakeView;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link HandshakeView} of one connection, TLS 1.2 or TLS 1.3, filled in step by step as the
 * handshake agrees on things, so the key and trust managers see what is known when they are called.
 * Only the version's handshake writes to it.
 */
public final class HandshakeState implements HandshakeView {

    /** The version's keying-material exporter (RFC 5705 for TLS 1.2, RFC 8446 §7.5 for TLS 1.3). */
    @FunctionalInterface
    public interface Exporter {
        /** A null {@code context} is "no context". */
        byte[] export(String label, byte[] context, int length);
    }

    private final boolean client;
    private final String peerHost;
    private final int peerPort;
    private long creationTime;
    private final List<Integer> localSignatureSchemes;
    private Integer version;
    private Integer cipherSuite;
    private List<String> serverNames = List.of();
    private List<Integer> peerSignatureSchemes = List.of();
    private List<X509Certificate> peerCertificates = List.of();
    private List<X509Certificate> localCertificates = List.of();
    private String applicationProtocol;
    private byte[] sessionId = new byte[0];
    private boolean resumed;
    private Exporter exporter;

    public HandshakeState(boolean client, String peerHost, int peerPort, long creationTime, List<Integer> localSignatureSchemes) {
        this.client = client;
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.creationTime = creationTime;
        this.localSignatureSchemes = List.copyOf(localSignatureSchemes);
    }

    @Override
    public boolean isClient() {
        return client;
    }

    @Override
    public String peerHost() {
        return peerHost;
    }

    @Override
    public int peerPort() {
        return peerPort;
    }

    @Override
    public OptionalInt version() {
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }

    @Override
    public OptionalInt cipherSuite() {
        return cipherSuite == null ? OptionalInt.empty() : OptionalInt.of(cipherSuite);
    }

    @Override
    public List<String> serverNames() {
        return serverNames;
    }

    @Override
    public List<Integer> peerSignatureSchemes() {
        return peerSignatureSchemes;
    }

    @Override
    public List<Integer> localSignatureSchemes() {
        return localSignatureSchemes;
    }

    @Override
    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    @Override
    public List<X509Certificate> localCertificates() {
        return localCertificates;
    }

    @Override
    public Optional<String> applicationProtocol() {
        return Optional.ofNullable(applicationProtocol);
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public long creationTime() {
        return creationTime;
    }

    @Override
    public boolean resumed() {
        return resumed;
    }

    @Override
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (exporter == null) {
            throw new IllegalStateException("keying material can be exported only after the handshake");
        }
        return exporter.export(label, context, length);
    }

    public void version(int v) {
        this.version = v;
    }

    public void cipherSuite(int suite) {
        this.cipherSuite = suite;
    }

    public void serverNames(List<String> names) {
        this.serverNames = List.copyOf(names);
    }

    public void peerSignatureSchemes(List<Integer> schemes) {
        this.peerSignatureSchemes = List.copyOf(schemes);
    }

    public void peerCertificates(List<X509Certificate> chain) {
        this.peerCertificates = List.copyOf(chain);
    }

    public void localCertificates(List<X509Certificate> chain) {
        this.localCertificates = List.copyOf(chain);
    }

    public void applicationProtocol(String protocol) {
        this.applicationProtocol = protocol;
    }

    public void sessionId(byte[] id) {
        this.sessionId = id.clone();
    }

    /**
     * This connection resumed a session made at {@code sessionCreationMillis}: a resumed session
     * keeps its creation time, as SunJSSE's does, so that applications can tell it from a new one
     * and bound how long a session lives.
     */
    public void resumed(long sessionCreationMillis) {
        this.resumed = true;
        this.creationTime = sessionCreationMillis;
    }

    /** Once the handshake is complete: what exported keying material derives from. */
    public void exporter(Exporter secret) {
        this.exporter = secret;
    }
}
