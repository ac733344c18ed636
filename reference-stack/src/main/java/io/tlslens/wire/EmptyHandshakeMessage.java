package io.tlslens.wire;

/** A message whose body is empty: its arrival is its whole meaning. */
abstract class EmptyHandshakeMessage extends HandshakeMessage {
    @Override
    final void writeBody(WireWriter w) {
        // nothing: the body is empty
    }

    @Override
    final String describe() {
        return "";
    }
}
