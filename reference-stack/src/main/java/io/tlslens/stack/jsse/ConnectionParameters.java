package io.tlslens.stack.jsse;

import java.security.AlgorithmConstraints;
import java.security.CryptoPrimitive;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;

/**
 * The JSSE settings of one engine or socket, changed through the setters of {@code SSLEngine}/
 * {@code SSLSocket} or {@link #apply(SSLParameters)}, and read once when the connection starts.
 * Not thread-safe: the engine or socket guards it.
 *
 * <p>Algorithm constraints narrow the groups and signature schemes, as in SunJSSE.
 * {@code useCipherSuitesOrder} (the core always prefers the server's order, SunJSSE's default) and
 * {@code enableSessionCreation} are kept so that applications read back what they set, but the
 * core has no such settings and they change nothing.
 */
final class ConnectionParameters {
    private final DefaultProtocols defaultProtocols;
    private boolean clientMode;
    /** Null until set: then the role's default, see {@link #protocols()}. */
    private String[] protocols;
    private String[] cipherSuites;
    private String[] namedGroups;
    private String[] signatureSchemes;
    private boolean needClientAuth;
    private boolean wantClientAuth;
    private String[] applicationProtocols = new String[0];
    private List<SNIServerName> serverNames = List.of();
    private Collection<SNIMatcher> sniMatchers = List.of();
    private String endpointIdentificationAlgorithm;
    private AlgorithmConstraints algorithmConstraints;
    private boolean useCipherSuitesOrder = true;
    private boolean enableSessionCreation = true;

    /** {@code defaultProtocols} are those of the SSLContext that made the engine or socket. */
    ConnectionParameters(boolean clientMode, DefaultProtocols defaultProtocols) {
        this.clientMode = clientMode;
        this.defaultProtocols = defaultProtocols;
    }

    ConnectionParameters copy() {
        ConnectionParameters c = new ConnectionParameters(clientMode, defaultProtocols);
        c.apply(toSSLParameters());
        c.enableSessionCreation = enableSessionCreation;
        return c;
    }

    /** As SunJSSE: null arrays and lists leave the setting as it is. */
    void apply(SSLParameters p) {
        if (p.getProtocols() != null) {
            protocols = JsseNames.PROTOCOLS.filter(p.getProtocols());
        }
        if (p.getCipherSuites() != null) {
            cipherSuites = JsseNames.CIPHER_SUITES.filter(p.getCipherSuites());
        }
        String[] groups = NewerParameters.namedGroups(p);
        if (groups != null) {
            namedGroups = groups.clone();
        }
        String[] schemes = NewerParameters.signatureSchemes(p);
        if (schemes != null) {
            signatureSchemes = schemes.clone();
        }
        if (p.getNeedClientAuth()) {
            setNeedClientAuth(true);
        } else {
            setWantClientAuth(p.getWantClientAuth());
        }
        applicationProtocols = p.getApplicationProtocols().clone();
        if (p.getServerNames() != null) {
            serverNames = List.copyOf(p.getServerNames());
        }
        if (p.getSNIMatchers() != null) {
            sniMatchers = List.copyOf(p.getSNIMatchers());
        }
        endpointIdentificationAlgorithm = p.getEndpointIdentificationAlgorithm();
        algorithmConstraints = p.getAlgorithmConstraints();
        useCipherSuitesOrder = p.getUseCipherSuitesOrder();
    }

    SSLParameters toSSLParameters() {
        SSLParameters p = new SSLParameters(cipherSuites(), protocols());
        NewerParameters.namedGroups(p, namedGroups == null ? null : namedGroups.clone());
        NewerParameters.signatureSchemes(p, signatureSchemes == null ? null : signatureSchemes.clone());
        if (needClientAuth) {
            p.setNeedClientAuth(true);
        } else {
            p.setWantClientAuth(wantClientAuth);
        }
        p.setApplicationProtocols(applicationProtocols.clone());
        p.setServerNames(serverNames);
        p.setSNIMatchers(sniMatchers);
        p.setEndpointIdentificationAlgorithm(endpointIdentificationAlgorithm);
        p.setAlgorithmConstraints(algorithmConstraints);
        p.setUseCipherSuitesOrder(useCipherSuitesOrder);
        return p;
    }

    boolean clientMode() {
        return clientMode;
    }

    void setClientMode(boolean clientMode) {
        this.clientMode = clientMode;
    }

    /** As set, else the role's default for the SSLContext's algorithm, see {@link DefaultProtocols}. */
    String[] protocols() {
        return protocols != null ? protocols.clone() : defaultProtocols.forRole(clientMode);
    }

    void setProtocols(String[] names) {
        protocols = JsseNames.PROTOCOLS.filter(Objects.requireNonNull(names, "protocols"));
    }

    /** As set, else {@code jdk.tls.client.cipherSuites} / {@code jdk.tls.server.cipherSuites}, else all supported. */
    String[] cipherSuites() {
        return cipherSuites != null ? cipherSuites.clone()
                : roleDefault(JsseNames.CIPHER_SUITES, clientMode ? "jdk.tls.client.cipherSuites" : "jdk.tls.server.cipherSuites");
    }

    void setCipherSuites(String[] names) {
        cipherSuites = JsseNames.CIPHER_SUITES.filter(Objects.requireNonNull(names, "cipher suites"));
    }

    /**
     * The groups to offer or accept: set through SSLParameters, else {@code jdk.tls.namedGroups}
     * (read when the connection starts; SunJSSE reads it once), else all.
     */
    List<Integer> groupCodes() {
        String[] names = namedGroups != null ? namedGroups : listProperty("jdk.tls.namedGroups");
        return permitted(JsseNames.GROUPS, names != null ? names : JsseNames.GROUPS.supported(),
                CryptoPrimitive.KEY_AGREEMENT);
    }

    List<Integer> signatureSchemeCodes() {
        return permitted(JsseNames.SIGNATURE_SCHEMES,
                signatureSchemes != null ? signatureSchemes : JsseNames.SIGNATURE_SCHEMES.supported(),
                CryptoPrimitive.SIGNATURE);
    }

    /**
     * The codes of {@code names} that the algorithm constraints permit. SunJSSE asks them about each
     * group as a key agreement and each signature scheme as a signature, by its TLS name
     * ({@code x25519}, {@code rsa_pss_rsae_sha256}); applications narrow a single connection that way.
     */
    private List<Integer> permitted(JsseNames registry, String[] names, CryptoPrimitive primitive) {
        List<Integer> codes = registry.codes(names);
        if (algorithmConstraints == null) {
            return codes;
        }
        Set<CryptoPrimitive> primitives = EnumSet.of(primitive);
        return codes.stream().filter(code -> algorithmConstraints.permits(primitives, registry.name(code), null))
                .collect(Collectors.toList());
    }

    List<Integer> protocolCodes() {
        return JsseNames.PROTOCOLS.codes(protocols());
    }

    List<Integer> cipherSuiteCodes() {
        return JsseNames.CIPHER_SUITES.codes(cipherSuites());
    }

    boolean needClientAuth() {
        return needClientAuth;
    }

    /** Need and want replace each other, as in SunJSSE. */
    void setNeedClientAuth(boolean need) {
        needClientAuth = need;
        wantClientAuth = false;
    }

    boolean wantClientAuth() {
        return wantClientAuth;
    }

    void setWantClientAuth(boolean want) {
        wantClientAuth = want;
        needClientAuth = false;
    }

    List<String> applicationProtocols() {
        return List.of(applicationProtocols);
    }

    /** The SNI host names a client sends. */
    List<String> serverHostNames() {
        List<String> names = new ArrayList<>();
        for (SNIServerName name : serverNames) {
            if (name instanceof SNIHostName) {
                names.add(((SNIHostName) name).getAsciiName());
            }
        }
        return names;
    }

    /**
     * As SunJSSE, a client names the host it connects to in SNI when that is a DNS name (one with
     * an inner dot, no IP literal), replacing any host name set before; setting server names
     * through SSLParameters afterwards replaces it in turn.
     */
    void addPeerHostAsServerName(String host) {
        if (!isDnsName(host)) {
            return;
        }
        List<SNIServerName> names = new ArrayList<>();
        names.add(new SNIHostName(host));
        for (SNIServerName name : serverNames) {
            if (name.getType() != StandardConstants.SNI_HOST_NAME) {
                names.add(name);
            }
        }
        serverNames = List.copyOf(names);
    }

    private static boolean isDnsName(String host) {
        if (host == null || host.indexOf('.') <= 0 || host.endsWith(".") || host.indexOf(':') >= 0
                || host.matches("[0-9.]+")) {
            return false;
        }
        try {
            new SNIHostName(host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Collection<SNIMatcher> sniMatchers() {
        return sniMatchers;
    }

    String endpointIdentificationAlgorithm() {
        return endpointIdentificationAlgorithm;
    }

    boolean enableSessionCreation() {
        return enableSessionCreation;
    }

    void setEnableSessionCreation(boolean enable) {
        enableSessionCreation = enable;
    }

    static String[] roleDefault(JsseNames names, String property) {
        String[] pinned = listProperty(property);
        return pinned != null ? names.filter(pinned) : names.supported();
    }

    /** A JDK list property ({@code jdk.tls.namedGroups}, ...): comma-separated, possibly quoted; null when unset. */
    private static String[] listProperty(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String name : value.replace("\"", "").split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return names.toArray(new String[0]);
    }
}
