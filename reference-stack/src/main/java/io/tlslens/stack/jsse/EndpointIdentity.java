package io.tlslens.stack.jsse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;

/**
 * Endpoint identification ({@code HTTPS}, RFC 2818 / RFC 6125; {@code LDAPS}, RFC 2830) for trust
 * managers that do not do it themselves: the peer's leaf must name the host the application
 * connected to. As SunJSSE's {@code X509TrustManagerImpl.checkIdentity}, a client checks the SNI
 * host name it sent first and falls back to the peer host.
 */
final class EndpointIdentity {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private EndpointIdentity() {
    }

    static void check(SSLSession session, X509Certificate leaf, String algorithm, boolean checkingClient)
            throws CertificateException {
        if (!"HTTPS".equalsIgnoreCase(algorithm) && !"LDAPS".equalsIgnoreCase(algorithm)
                && !"LDAP".equalsIgnoreCase(algorithm)) {
            throw new CertificateException("Unknown identification algorithm: " + algorithm);
        }
        String peerHost = stripTrailingDot(session.getPeerHost());
        if (!checkingClient) {
            String sniHost = sniHostName(session);
            if (sniHost != null) {
                try {
                    match(sniHost, leaf);
                    return;
                } catch (CertificateException e) {
                    if (sniHost.equalsIgnoreCase(peerHost)) {
                        throw e;
                    }
                }
            }
        }
        match(peerHost, leaf);
    }

    /** Whether {@code leaf} names {@code host}: an IP address in an iPAddress SAN, a name in a dNSName SAN or the CN. */
    static void match(String peerHost, X509Certificate leaf) throws CertificateException {
        if (peerHost == null || peerHost.isEmpty()) {
            throw new CertificateException("No peer host to identify the certificate against");
        }
        String host = peerHost.startsWith("[") && peerHost.endsWith("]")
                ? peerHost.substring(1, peerHost.length() - 1) : peerHost;
        if (isIpLiteral(host)) {
            if (!subjectAltNames(leaf, SAN_IP).stream().anyMatch(ip -> sameAddress(ip, host))) {
                throw new CertificateException("No subject alternative name matches IP address " + host);
            }
            return;
        }
        List<String> names = subjectAltNames(leaf, SAN_DNS);
        if (names.isEmpty()) {
            names = commonNames(leaf);
        }
        for (String name : names) {
            if (matchesDnsName(host, name)) {
                return;
            }
        }
        throw new CertificateException("No name matching " + host + " found in the certificate");
    }

    /** RFC 6125 §6.4.3: a wildcard only as the whole left-most label, never above a registered name. */
    private static boolean matchesDnsName(String host, String template) {
        String h = stripTrailingDot(host).toLowerCase(Locale.ROOT);
        String t = stripTrailingDot(template).toLowerCase(Locale.ROOT);
        if (!t.startsWith("*.")) {
            return h.equals(t);
        }
        String parent = t.substring(2);
        int dot = h.indexOf('.');
        return parent.indexOf('.') > 0 && dot > 0 && h.substring(dot + 1).equals(parent);
    }

    private static String sniHostName(SSLSession session) {
        if (!(session instanceof ExtendedSSLSession)) {
            return null;
        }
        for (SNIServerName name : ((ExtendedSSLSession) session).getRequestedServerNames()) {
            if (name instanceof SNIHostName) {
                return ((SNIHostName) name).getAsciiName();
            }
        }
        return null;
    }

    private static List<String> subjectAltNames(X509Certificate cert, int type) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        Collection<List<?>> all = cert.getSubjectAlternativeNames();
        if (all != null) {
            for (List<?> entry : all) {
                if (((Integer) entry.get(0)) == type) {
                    names.add((String) entry.get(1));
                }
            }
        }
        return names;
    }

    private static List<String> commonNames(X509Certificate cert) throws CertificateException {
        List<String> names = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    names.add(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            throw new CertificateException("Unparsable certificate subject", e);
        }
        return names;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /** Compares two IP literals; never resolves a name (both are literals). */
    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripTrailingDot(String host) {
        return host != null && host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
