package io.tlslens.wire;

import java.util.List;

/** supported_groups (RFC 8446 §4.2.7, RFC 8422 §5.1.1): the groups a client supports, or in TLS 1.3 EncryptedExtensions the server's. */
public final class SupportedGroupsExtension extends CodeListExtension {
    public SupportedGroupsExtension(List<Integer> groups) {
        super(groups, 2, 2, NamedGroup::name);
    }

    @Override
    public int type() {
        return ExtensionType.supported_groups;
    }

    /** In wire order, GREASE and unknown values included. */
    public List<Integer> groups() {
        return codes();
    }
}
