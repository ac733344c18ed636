package io.tlslens.stack.jsse;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import javax.net.ssl.SSLParameters;

/**
 * The {@link SSLParameters} properties newer than the Java 11 API this module compiles against:
 * {@code getSignatureSchemes}/{@code setSignatureSchemes} (JDK 19) and
 * {@code getNamedGroups}/{@code setNamedGroups} (JDK 20). Probed once; on an older JDK they read
 * as null ("the provider's default") and setting them does nothing.
 */
final class NewerParameters {
    private static final MethodHandle GET_NAMED_GROUPS = getter("getNamedGroups");
    private static final MethodHandle SET_NAMED_GROUPS = setter("setNamedGroups");
    private static final MethodHandle GET_SIGNATURE_SCHEMES = getter("getSignatureSchemes");
    private static final MethodHandle SET_SIGNATURE_SCHEMES = setter("setSignatureSchemes");

    private NewerParameters() {
    }

    static String[] namedGroups(SSLParameters p) {
        return get(GET_NAMED_GROUPS, p);
    }

    static void namedGroups(SSLParameters p, String[] groups) {
        set(SET_NAMED_GROUPS, p, groups);
    }

    static String[] signatureSchemes(SSLParameters p) {
        return get(GET_SIGNATURE_SCHEMES, p);
    }

    static void signatureSchemes(SSLParameters p, String[] schemes) {
        set(SET_SIGNATURE_SCHEMES, p, schemes);
    }

    private static String[] get(MethodHandle getter, SSLParameters p) {
        if (getter == null) {
            return null;
        }
        try {
            return (String[]) getter.invokeExact(p);
        } catch (Throwable e) {
            throw new IllegalStateException(e); // a plain getter
        }
    }

    private static void set(MethodHandle setter, SSLParameters p, String[] values) {
        if (setter == null || values == null) {
            return;
        }
        try {
            setter.invokeExact(p, values);
        } catch (RuntimeException e) {
            throw e; // IllegalArgumentException for a bad name, as the JDK documents
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle getter(String name) {
        return find(name, MethodType.methodType(String[].class));
    }

    private static MethodHandle setter(String name) {
        return find(name, MethodType.methodType(void.class, String[].class));
    }

    private static MethodHandle find(String name, MethodType type) {
        try {
            return MethodHandles.publicLookup().findVirtual(SSLParameters.class, name, type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null; // an older JDK
        }
    }
}
