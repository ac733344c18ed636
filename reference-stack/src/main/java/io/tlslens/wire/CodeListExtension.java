package io.tlslens.wire;

import java.util.List;
import java.util.function.IntFunction;

/** An extension whose data is one vector of registry codes, e.g. supported_groups. */
abstract class CodeListExtension extends Extension {
    private final List<Integer> codes;
    private final int codeBytes;
    private final int lengthBytes;
    private final IntFunction<String> names;

    CodeListExtension(List<Integer> codes, int codeBytes, int lengthBytes, IntFunction<String> names) {
        this.codes = List.copyOf(codes);
        this.codeBytes = codeBytes;
        this.lengthBytes = lengthBytes;
        this.names = names;
    }

    final List<Integer> codes() {
        return codes;
    }

    @Override
    final void writeData(WireWriter w) {
        if (codeBytes == 1) {
            w.u8List(lengthBytes, codes);
        } else {
            w.u16List(lengthBytes, codes);
        }
    }

    @Override
    final String describe() {
        return Registry.names(codes, names);
    }
}
