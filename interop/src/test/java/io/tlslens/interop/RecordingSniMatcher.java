package io.tlslens.interop;

import java.nio.charset.StandardCharsets;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.StandardConstants;

/**
 * A server's SNI matcher that remembers the host name the client asked for. Every provider calls the matchers
 * during the handshake, whereas reading the name back from the session afterwards is not supported by all.
 */
final class RecordingSniMatcher extends SNIMatcher {
    private final String accepted;
    private volatile String requested;

    /** @param accepted the only host name to accept, or null to accept any */
    RecordingSniMatcher(String accepted) {
        super(StandardConstants.SNI_HOST_NAME);
        this.accepted = accepted;
    }

    @Override
    public boolean matches(SNIServerName serverName) {
        requested = new String(serverName.getEncoded(), StandardCharsets.US_ASCII);
        return accepted == null || accepted.equalsIgnoreCase(requested);
    }

    /** The host name the client sent, null if none. */
    String requested() {
        return requested;
    }
}
