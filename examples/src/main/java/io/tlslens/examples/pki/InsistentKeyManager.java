package io.tlslens.examples.pki;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents one credential whatever certificate authorities the peer names. The JDK's key managers only
 * offer a certificate whose chain names one of the CAs in the peer's CertificateRequest, so a client
 * holding a certificate from a CA the server does not trust would send nothing at all; clients configured
 * with exactly one certificate (a file path in a config) send it regardless, and that is the case shown.
 * The key algorithm must still fit what the handshake asks for.
 */
public final class InsistentKeyManager extends X509ExtendedKeyManager {
    private final Credential credential;

    public InsistentKeyManager(Credential credential) {
        this.credential = credential;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return fits(keyTypes) ? credential.name() : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return fits(keyTypes) ? credential.name() : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return fits(new String[] {keyType}) ? credential.name() : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return fits(new String[] {keyType}) ? credential.name() : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return fits(new String[] {keyType}) ? new String[] {credential.name()} : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return credential.name().equals(alias) ? credential.chain().toArray(new X509Certificate[0]) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return credential.name().equals(alias) ? credential.privateKey() : null;
    }

    /** JSSE asks by key algorithm ("EC", "RSA", "EdDSA"); TLS 1.2 may append the signer ("EC_EC"). */
    private boolean fits(String[] keyTypes) {
        String algorithm = credential.privateKey().getAlgorithm();
        return keyTypes != null && Arrays.stream(keyTypes)
                .anyMatch(type -> type.equals(algorithm) || type.startsWith(algorithm + "_"));
    }
}
