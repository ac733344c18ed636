package io.tlslens.stack;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.crypto.TlsCrypto;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.security.auth.x500.X500Principal;

/**
 * Everything one connection is configured with: what the JSSE layer reads off SSLParameters, the
 * key and trust managers, and where observations and secrets go. Immutable; lists are in
 * preference order and hold IANA codes.
 */
public final class TlsConfig {
    private final boolean client;
    private final List<Integer> versions;
    private final List<Integer> cipherSuites;
    private final List<Integer> groups;
    private final List<Integer> keyShareGroups;
    private final List<Integer> signatureSchemes;
    private final List<String> applicationProtocols;
    private final Function<List<String>, String> applicationProtocolSelector;
    private final List<String> serverNames;
    private final Predicate<String> serverNameMatcher;
    private final ClientAuth clientAuth;
    private final List<X500Principal> certificateAuthorities;
    private final Credentials credentials;
    private final PeerVerifier peerVerifier;
    private final String peerHost;
    private final int peerPort;
    private final boolean middleboxCompatibility;
    private final boolean earlyData;
    private final int maxEarlyData;
    private final int recordSizeLimit;
    private final int recordPadding;
    private final int ticketsToIssue;
    private final boolean requireExtendedMasterSecret;
    private final SessionStore sessions;
    private final KeyLog keyLog;
    private final HandshakeObserver observer;
    private final TlsCrypto crypto;

    private TlsConfig(Builder b) {
        this.client = b.client;
        this.versions = List.copyOf(b.versions);
        this.cipherSuites = List.copyOf(b.cipherSuites);
        this.groups = List.copyOf(b.groups);
        this.keyShareGroups = List.copyOf(b.keyShareGroups);
        this.signatureSchemes = List.copyOf(b.signatureSchemes);
        this.applicationProtocols = List.copyOf(b.applicationProtocols);
        this.applicationProtocolSelector = b.applicationProtocolSelector;
        this.serverNames = List.copyOf(b.serverNames);
        this.serverNameMatcher = b.serverNameMatcher;
        this.clientAuth = b.clientAuth;
        this.certificateAuthorities = List.copyOf(b.certificateAuthorities);
        this.credentials = b.credentials;
        this.peerVerifier = Objects.requireNonNull(b.peerVerifier, "peerVerifier");
        this.peerHost = b.peerHost;
        this.peerPort = b.peerPort;
        this.middleboxCompatibility = b.middleboxCompatibility;
        this.earlyData = b.earlyData;
        this.maxEarlyData = b.maxEarlyData;
        this.recordSizeLimit = b.recordSizeLimit;
        this.recordPadding = b.recordPadding;
        this.ticketsToIssue = b.ticketsToIssue;
        this.requireExtendedMasterSecret = b.requireExtendedMasterSecret;
        this.sessions = b.sessions;
        this.keyLog = b.keyLog;
        this.observer = b.observer;
        this.crypto = Objects.requireNonNull(b.crypto, "crypto");
        if (recordSizeLimit < 64 || recordSizeLimit > Defaults.RECORD_SIZE_LIMIT) {
            throw new IllegalArgumentException("record_size_limit " + recordSizeLimit + " outside [64, 2^14+1] (RFC 8449 §4)");
        }
        if (recordPadding < 0 || maxEarlyData < 0 || ticketsToIssue < 0) {
            throw new IllegalArgumentException("negative recordPadding, maxEarlyData or ticketsToIssue");
        }
    }

    public static Builder client(TlsCrypto crypto) {
        return new Builder(true, crypto);
    }

    public static Builder server(TlsCrypto crypto) {
        return new Builder(false, crypto);
    }

    public boolean isClient() {
        return client;
    }

    /** ProtocolVersion codes this side enables. */
    public List<Integer> versions() { return versions; }
    public List<Integer> cipherSuites() { return cipherSuites; }
    public List<Integer> groups() { return groups; }
    public List<Integer> keyShareGroups() { return keyShareGroups; }
    public List<Integer> signatureSchemes() { return signatureSchemes; }
    public List<String> applicationProtocols() { return applicationProtocols; }
    /** Null when the server chooses by {@link #applicationProtocols()}. */
    public Function<List<String>, String> applicationProtocolSelector() { return applicationProtocolSelector; }
    public List<String> serverNames() { return serverNames; }
    /** Null when the server accepts every name. */
    public Predicate<String> serverNameMatcher() { return serverNameMatcher; }
    public ClientAuth clientAuth() { return clientAuth; }
    public List<X500Principal> certificateAuthorities() { return certificateAuthorities; }
    public Credentials credentials() { return credentials; }
    public PeerVerifier peerVerifier() { return peerVerifier; }
    /** Null when unknown. */
    public String peerHost() { return peerHost; }
    /** -1 when unknown. */
    public int peerPort() { return peerPort; }
    public boolean middleboxCompatibility() { return middleboxCompatibility; }
    public boolean earlyData() { return earlyData; }
    public int maxEarlyData() { return maxEarlyData; }
    public int recordSizeLimit() { return recordSizeLimit; }
    public int recordPadding() { return recordPadding; }
    public int ticketsToIssue() { return ticketsToIssue; }
    /** TLS 1.2: refuse a peer without extended_master_secret (RFC 7627 §5.2). */
    public boolean requireExtendedMasterSecret() { return requireExtendedMasterSecret; }
    public SessionStore sessions() { return sessions; }
    public KeyLog keyLog() { return keyLog; }
    public HandshakeObserver observer() { return observer; }
    public TlsCrypto crypto() { return crypto; }

    /** A builder with the reference stack's defaults. */
    public static final class Builder {
        private final boolean client;
        private final TlsCrypto crypto;
        private List<Integer> versions = Defaults.VERSIONS;
        private List<Integer> cipherSuites = Defaults.CIPHER_SUITES;
        private List<Integer> groups = Defaults.GROUPS;
        private List<Integer> keyShareGroups = Defaults.KEY_SHARE_GROUPS;
        private List<Integer> signatureSchemes = Defaults.SIGNATURE_SCHEMES;
        private List<String> applicationProtocols = List.of();
        private Function<List<String>, String> applicationProtocolSelector;
        private List<String> serverNames = List.of();
        private Predicate<String> serverNameMatcher;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private List<X500Principal> certificateAuthorities = List.of();
        private Credentials credentials = Credentials.NONE;
        private PeerVerifier peerVerifier;
        private String peerHost;
        private int peerPort = -1;
        private boolean middleboxCompatibility = true;
        private boolean earlyData;
        private int maxEarlyData;
        private int recordSizeLimit = Defaults.RECORD_SIZE_LIMIT;
        private int recordPadding;
        private int ticketsToIssue = 1;
        private boolean requireExtendedMasterSecret = true;
        private SessionStore sessions = SessionStore.NONE;
        private KeyLog keyLog = KeyLog.NONE;
        private HandshakeObserver observer = HandshakeObserver.NONE;

        private Builder(boolean client, TlsCrypto crypto) {
            this.client = client;
            this.crypto = crypto;
        }

        /** ProtocolVersion codes this side enables. */
        public Builder versions(List<Integer> v) { this.versions = v; return this; }
        public Builder cipherSuites(List<Integer> v) { this.cipherSuites = v; return this; }
        /** supported_groups, in preference order. */
        public Builder groups(List<Integer> v) { this.groups = v; return this; }
        /** The groups a client sends key shares for in its first ClientHello. */
        public Builder keyShareGroups(List<Integer> v) { this.keyShareGroups = v; return this; }
        public Builder signatureSchemes(List<Integer> v) { this.signatureSchemes = v; return this; }
        /** ALPN: the client's offer, or the server's list in preference order. */
        public Builder applicationProtocols(List<String> v) { this.applicationProtocols = v; return this; }
        /** Server: chooses from the client's ALPN list (JSSE's handshake application-protocol selector); null to use the list. */
        public Builder applicationProtocolSelector(Function<List<String>, String> v) { this.applicationProtocolSelector = v; return this; }
        /** Client: SNI host names to send. */
        public Builder serverNames(List<String> v) { this.serverNames = v; return this; }
        /** Server: accepts a requested SNI host name; null accepts every name. */
        public Builder serverNameMatcher(Predicate<String> v) { this.serverNameMatcher = v; return this; }
        public Builder clientAuth(ClientAuth v) { this.clientAuth = v; return this; }
        /** Server: certificate_authorities for the CertificateRequest. */
        public Builder certificateAuthorities(List<X500Principal> v) { this.certificateAuthorities = v; return this; }
        public Builder credentials(Credentials v) { this.credentials = v; return this; }
        public Builder peerVerifier(PeerVerifier v) { this.peerVerifier = v; return this; }
        public Builder peer(String host, int port) { this.peerHost = host; this.peerPort = port; return this; }
        public Builder middleboxCompatibility(boolean v) { this.middleboxCompatibility = v; return this; }
        /** Client: send early data when a ticket allows it. Off by default. */
        public Builder earlyData(boolean v) { this.earlyData = v; return this; }
        /** Server: max_early_data_size in tickets; 0 (the default) refuses early data. */
        public Builder maxEarlyData(int v) { this.maxEarlyData = v; return this; }
        /** record_size_limit to advertise (RFC 8449). */
        public Builder recordSizeLimit(int v) { this.recordSizeLimit = v; return this; }
        /** Pads protected records to a multiple of this many bytes (RFC 8446 §5.4); 0 does not pad. */
        public Builder recordPadding(int v) { this.recordPadding = v; return this; }
        /** Server: NewSessionTickets sent after the handshake. */
        public Builder ticketsToIssue(int v) { this.ticketsToIssue = v; return this; }
        /** TLS 1.2: refuse a peer without extended_master_secret (RFC 7627 §5.2). On by default. */
        public Builder requireExtendedMasterSecret(boolean v) { this.requireExtendedMasterSecret = v; return this; }
        public Builder sessions(SessionStore v) { this.sessions = v; return this; }
        public Builder keyLog(KeyLog v) { this.keyLog = v; return this; }
        public Builder observer(HandshakeObserver v) { this.observer = v; return this; }

        public TlsConfig build() {
            return new TlsConfig(this);
        }
    }
}
