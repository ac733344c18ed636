package io.tlslens.stack.jsse;

import java.net.Socket;
import java.security.Principal;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Calls the key and trust managers the way JSSE does: with the engine, or with the socket, that
 * the handshake belongs to (managers read its handshake session and SSLParameters).
 */
abstract class ManagerCaller {

    static ManagerCaller of(SSLEngine engine) {
        return new ManagerCaller() {
            @Override
            String chooseServerAlias(X509ExtendedKeyManager km, String keyType, Principal[] issuers) {
                return km.chooseEngineServerAlias(keyType, issuers, engine);
            }

            @Override
            String chooseClientAlias(X509ExtendedKeyManager km, String[] keyTypes, Principal[] issuers) {
                return km.chooseEngineClientAlias(keyTypes, issuers, engine);
            }

            @Override
            void checkServerTrusted(X509ExtendedTrustManager tm, X509Certificate[] chain, String authType)
                    throws CertificateException {
                tm.checkServerTrusted(chain, authType, engine);
            }

            @Override
            void checkClientTrusted(X509ExtendedTrustManager tm, X509Certificate[] chain, String authType)
                    throws CertificateException {
                tm.checkClientTrusted(chain, authType, engine);
            }
        };
    }

    static ManagerCaller of(Socket socket) {
        return new ManagerCaller() {
            @Override
            String chooseServerAlias(X509ExtendedKeyManager km, String keyType, Principal[] issuers) {
                return km.chooseServerAlias(keyType, issuers, socket);
            }

            @Override
            String chooseClientAlias(X509ExtendedKeyManager km, String[] keyTypes, Principal[] issuers) {
                return km.chooseClientAlias(keyTypes, issuers, socket);
            }

            @Override
            void checkServerTrusted(X509ExtendedTrustManager tm, X509Certificate[] chain, String authType)
                    throws CertificateException {
                tm.checkServerTrusted(chain, authType, socket);
            }

            @Override
            void checkClientTrusted(X509ExtendedTrustManager tm, X509Certificate[] chain, String authType)
                    throws CertificateException {
                tm.checkClientTrusted(chain, authType, socket);
            }
        };
    }

    abstract String chooseServerAlias(X509ExtendedKeyManager km, String keyType, Principal[] issuers);

    abstract String chooseClientAlias(X509ExtendedKeyManager km, String[] keyTypes, Principal[] issuers);

    abstract void checkServerTrusted(X509ExtendedTrustManager tm, X509Certificate[] chain, String authType)
            throws CertificateException;

    abstract void checkClientTrusted(X509ExtendedTrustManager tm, X509Certificate[] chain, String authType)
            throws CertificateException;
}
