package io.tlslens.wire;

import java.util.List;

/** ec_point_formats (RFC 8422 §5.1.2). */
public final class EcPointFormatsExtension extends CodeListExtension {
    public EcPointFormatsExtension(List<Integer> formats) {
        super(formats, 1, 1, EcPointFormat::name);
    }

    @Override
    public int type() {
        return ExtensionType.ec_point_formats;
    }

    /** In wire order, GREASE and unknown values included. */
    public List<Integer> formats() {
        return codes();
    }
}
