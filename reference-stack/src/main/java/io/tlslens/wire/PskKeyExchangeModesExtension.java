package io.tlslens.wire;

import java.util.List;

/** psk_key_exchange_modes (RFC 8446 §4.2.9). */
public final class PskKeyExchangeModesExtension extends CodeListExtension {
    public PskKeyExchangeModesExtension(List<Integer> modes) {
        super(modes, 1, 1, PskKeyExchangeMode::name);
    }

    @Override
    public int type() {
        return ExtensionType.psk_key_exchange_modes;
    }

    /** In wire order, GREASE and unknown values included. */
    public List<Integer> modes() {
        return codes();
    }
}
