package io.tlslens.agent.jsse;

import io.tlslens.agent.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.net.ssl.SSLSession;

/**
 * Reads the package-private state of {@code sun.security.ssl} that the hooks hand over. Every
 * accessor is looked up once; one that this JDK lacks reads as {@code null}/default and is
 * reported once, so a changed field costs one attribute, never a handshake.
 *
 * <p>The accessors are looked up on first use, not when TLSLens starts: looking them up loads
 * SunJSSE's classes, which a JVM that never uses TLS should not load, and which TLSLens weaves
 * as they load (see {@link JsseInstrumentation}).
 */
final class JsseInternals {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private final boolean keyLog;
    private volatile Accessors accessors;

    private JsseInternals(boolean keyLog) {
        this.keyLog = keyLog;
    }

    /**
     * Opens {@code sun.security.ssl} to TLSLens's module; the accessors that only the key log
     * reads will be looked up only when {@code keyLog}.
     */
    static JsseInternals open(Instrumentation inst, boolean keyLog) {
        Module javaBase = Object.class.getModule();
        inst.redefineModule(javaBase, Set.of(), Map.of(),
                Map.of("sun.security.ssl", Set.of(JsseInternals.class.getModule())), Set.of(), Map.of());
        return new JsseInternals(keyLog);
    }

    private Accessors accessors() {
        Accessors looked = accessors;
        if (looked == null) {
            synchronized (this) {
                looked = accessors;
                if (looked == null) {
                    looked = new Accessors(keyLog);
                    accessors = looked;
                }
            }
        }
        return looked;
    }

    /** The method handles, each {@code null} where this JDK lacks what it reads. */
    private static final class Accessors {
        final MethodHandle plaintextContentType;
        final MethodHandle plaintextFragment;
        final MethodHandle contextTransport;
        final MethodHandle contextSession;
        final MethodHandle contextConfig;
        final MethodHandle configClientMode;
        final MethodHandle transportPeerHost;
        final MethodHandle alertId;
        final MethodHandle handshakeConnection;
        /** Key log only (null otherwise): {@code HandshakeContext.clientHelloRandom} and {@code RandomCookie.randomBytes}. */
        final MethodHandle handshakeClientRandom;
        final MethodHandle randomCookieBytes;
        /** Key log only: {@code TransportContext.handshakeContext}. */
        final MethodHandle contextHandshake;
        /** Key log only, JDK 25+ (the first to derive it): {@code SSLSessionImpl.exporterMasterSecret}. */
        final MethodHandle sessionExporterSecret;

        Accessors(boolean keyLog) {
            plaintextContentType = getter(JsseTypes.PLAINTEXT, "contentType", byte.class);
            plaintextFragment = getter(JsseTypes.PLAINTEXT, "fragment", ByteBuffer.class);
            Class<?> transport = load(JsseTypes.SSL_TRANSPORT);
            Class<?> sessionImpl = load(JsseTypes.PACKAGE + "SSLSessionImpl");
            Class<?> config = load(JsseTypes.PACKAGE + "SSLConfiguration");
            contextTransport = getter(JsseTypes.TRANSPORT_CONTEXT, "transport", transport);
            contextSession = getter(JsseTypes.TRANSPORT_CONTEXT, "conSession", sessionImpl);
            contextConfig = getter(JsseTypes.TRANSPORT_CONTEXT, "sslConfig", config);
            configClientMode = getter(JsseTypes.PACKAGE + "SSLConfiguration", "isClientMode", boolean.class);
            transportPeerHost = virtual(transport, "getPeerHost", String.class);
            alertId = getter(JsseTypes.ALERT, "id", byte.class);
            handshakeConnection = getter(JsseTypes.HANDSHAKE_CONTEXT, "conContext", load(JsseTypes.TRANSPORT_CONTEXT));
            if (keyLog) {
                Class<?> randomCookie = load(JsseTypes.RANDOM_COOKIE);
                handshakeClientRandom = getter(JsseTypes.HANDSHAKE_CONTEXT, "clientHelloRandom", randomCookie);
                randomCookieBytes = getter(JsseTypes.RANDOM_COOKIE, "randomBytes", byte[].class);
                contextHandshake = getter(JsseTypes.TRANSPORT_CONTEXT, "handshakeContext",
                        load(JsseTypes.HANDSHAKE_CONTEXT));
                sessionExporterSecret = optionalGetter(JsseTypes.SSL_SESSION_IMPL, "exporterMasterSecret",
                        SecretKey.class);
            } else {
                handshakeClientRandom = null;
                randomCookieBytes = null;
                contextHandshake = null;
                sessionExporterSecret = null;
            }
        }
    }

    int contentType(Object plaintext) {
        Object value = invoke(accessors().plaintextContentType, plaintext);
        return value == null ? -1 : ((Byte) value) & 0xff;
    }

    ByteBuffer fragment(Object plaintext) {
        return (ByteBuffer) invoke(accessors().plaintextFragment, plaintext);
    }

    /** The {@code SSLSocketImpl} or {@code SSLEngineImpl} of a {@code TransportContext}. */
    Object transport(Object transportContext) {
        return invoke(accessors().contextTransport, transportContext);
    }

    SSLSession session(Object transportContext) {
        return (SSLSession) invoke(accessors().contextSession, transportContext);
    }

    /** {@code null} when unknown. */
    Boolean clientMode(Object transportContext) {
        Accessors read = accessors();
        Object config = invoke(read.contextConfig, transportContext);
        return config == null ? null : (Boolean) invoke(read.configClientMode, config);
    }

    String peerHost(Object transport) {
        return (String) invoke(accessors().transportPeerHost, transport);
    }

    /** The alert's wire code, or -1. */
    int alertCode(Object alert) {
        Object id = invoke(accessors().alertId, alert);
        return id == null ? -1 : ((Byte) id) & 0xff;
    }

    /** The {@code TransportContext} a {@code HandshakeContext} belongs to. */
    Object connection(Object handshakeContext) {
        return invoke(accessors().handshakeConnection, handshakeContext);
    }

    /** A copy of the 32-byte random of the ClientHello a {@code HandshakeContext} sent or received, or {@code null}. */
    byte[] clientRandom(Object handshakeContext) {
        Accessors read = accessors();
        byte[] random = (byte[]) invoke(read.randomCookieBytes, invoke(read.handshakeClientRandom, handshakeContext));
        return random == null ? null : random.clone();
    }

    /** The {@code HandshakeContext} of a handshake in progress, or {@code null}. */
    Object handshakeContext(Object transportContext) {
        return invoke(accessors().contextHandshake, transportContext);
    }

    /** The TLS 1.3 exporter master secret of a session; {@code null} before JDK 25, which never derives it. */
    SecretKey exporterMasterSecret(Object session) {
        return (SecretKey) invoke(accessors().sessionExporterSecret, session);
    }

    private static Object invoke(MethodHandle handle, Object target) {
        if (handle == null || target == null) {
            return null;
        }
        try {
            return (Object) handle.invokeExact(target);
        } catch (Throwable t) {
            AgentLog.warnOnce("invoke " + handle, "could not read JSSE state through " + handle + ": " + t);
            return null;
        }
    }

    /** {@code (Object) -> Object}, so that {@link #invoke} can use the cheap {@code invokeExact}. */
    private static MethodHandle erased(MethodHandle handle) {
        return handle.asType(MethodType.methodType(Object.class, Object.class));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            AgentLog.warn("this JDK has no " + name + "; some handshake details will be missing");
            return null;
        }
    }

    private static MethodHandle getter(String className, String field, Class<?> type) {
        Class<?> owner = load(className);
        if (owner == null || type == null) {
            return null;
        }
        try {
            return erased(MethodHandles.privateLookupIn(owner, LOOKUP).findGetter(owner, field, type));
        } catch (ReflectiveOperationException | IllegalAccessError | SecurityException e) {
            AgentLog.warn("this JDK has no field " + className + "." + field + "; some handshake details will be missing");
            return null;
        }
    }

    /** As {@link #getter}, for a field that only some JDK versions have: its absence is expected, not reported. */
    private static MethodHandle optionalGetter(String className, String field, Class<?> type) {
        Class<?> owner = load(className);
        if (owner == null) {
            return null;
        }
        try {
            return erased(MethodHandles.privateLookupIn(owner, LOOKUP).findGetter(owner, field, type));
        } catch (ReflectiveOperationException | IllegalAccessError | SecurityException e) {
            return null;
        }
    }

    private static MethodHandle virtual(Class<?> owner, String method, Class<?> returnType) {
        if (owner == null) {
            return null;
        }
        try {
            return erased(MethodHandles.privateLookupIn(owner, LOOKUP)
                    .findVirtual(owner, method, MethodType.methodType(returnType)));
        } catch (ReflectiveOperationException | SecurityException e) {
            AgentLog.warn("this JDK has no method " + owner.getName() + "." + method + "; peer addresses will be missing");
            return null;
        }
    }
}
