package io.tlslens.wire;

/** An extension whose presence is its whole meaning: its extension_data is empty. */
abstract class EmptyExtension extends Extension {
    @Override
    final void writeData(WireWriter w) {
        // nothing: the extension_data is empty
    }

    @Override
    final String describe() {
        return "";
    }
}
