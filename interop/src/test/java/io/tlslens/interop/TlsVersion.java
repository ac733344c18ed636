package io.tlslens.interop;

import io.tlslens.wire.ProtocolVersion;
import java.util.List;

/** The TLS versions the reference stack speaks, a dimension of the interop matrix. */
enum TlsVersion {
    TLS_1_3(ProtocolVersion.TLSv1_3, "-tls1_3"),
    TLS_1_2(ProtocolVersion.TLSv1_2, "-tls1_2");

    private final int code;
    private final String opensslOption;

    TlsVersion(int code, String opensslOption) {
        this.code = code;
        this.opensslOption = opensslOption;
    }

    /** The JSSE name, as {@code SSLSession.getProtocol()} and openssl print it: {@code TLSv1.3}. */
    String jsseName() {
        return ProtocolVersion.name(code);
    }

    /** The option that holds {@code openssl s_client} or {@code s_server} to this version alone. */
    String opensslOption() {
        return opensslOption;
    }

    /** Both versions, newest first: what a dual-version side enables. */
    static List<TlsVersion> both() {
        return List.of(TLS_1_3, TLS_1_2);
    }

    @Override
    public String toString() {
        return jsseName();
    }
}
