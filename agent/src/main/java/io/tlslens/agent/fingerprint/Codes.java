package io.tlslens.agent.fingerprint;

import io.tlslens.wire.ClientHello;
import io.tlslens.wire.Extension;
import io.tlslens.wire.Grease;
import java.util.ArrayList;
import java.util.List;

/** The ClientHello's code lists as both fingerprints read them: GREASE removed, order kept. */
final class Codes {
    private Codes() {
    }

    /**
     * The codes that are not GREASE (RFC 8701), in their order. JA3 "ignores these values
     * completely" (salesforce/ja3 README) and JA4 must "ignore GREASE values anywhere it sees them"
     * (JA4.md, Details): a client picks its GREASE values at random, and would otherwise have a new
     * fingerprint on every connection.
     */
    static List<Integer> withoutGrease(List<Integer> codes) {
        List<Integer> kept = new ArrayList<>(codes.size());
        for (int code : codes) {
            if (!Grease.isGrease(code)) {
                kept.add(code);
            }
        }
        return kept;
    }

    /** The extension types in wire order, GREASE removed. */
    static List<Integer> extensionTypes(ClientHello hello) {
        List<Integer> types = new ArrayList<>(hello.extensions().size());
        for (Extension extension : hello.extensions()) {
            types.add(extension.type());
        }
        return withoutGrease(types);
    }
}
