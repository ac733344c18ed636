package io.tlslens.stack.handshake;

import io.tlslens.stack.TlsAlertException;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.Extension;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What both versions require of every extension block (RFC 5246 §7.4.1.4, RFC 8446 §4.2). */
public final class Extensions {
    private Extensions() {
    }

    /** illegal_parameter when an extension type appears twice in one block. */
    public static void checkNoDuplicates(List<Extension> extensions, String where) throws TlsAlertException {
        Set<Integer> seen = new HashSet<>();
        for (Extension e : extensions) {
            if (!seen.add(e.type())) {
                throw new TlsAlertException(AlertDescription.illegal_parameter, "two " + e.name() + " extensions in " + where);
            }
        }
    }
}
