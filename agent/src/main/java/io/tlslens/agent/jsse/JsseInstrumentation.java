package io.tlslens.agent.jsse;

import io.tlslens.agent.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the {@link JsseHook}s into SunJSSE, and takes them out again. A plain class file
 * transformer that looks at the names of the classes the bootstrap loader defines; the first
 * SunJSSE class that gets advice makes the {@link JsseWeaver}, and each one is woven as it is
 * defined, so no handshake runs on an unwoven class. Until then nothing of ByteBuddy is loaded: a
 * JVM that never uses TLS pays a name lookup per class it loads. Classes loaded already (on
 * attach) are retransformed at once.
 */
final class JsseInstrumentation implements ClassFileTransformer {

    private final Set<JsseHook> hooks;
    /** Internal names ({@code sun/security/ssl/TransportContext}) of the classes that get advice. */
    private final Set<String> targets = new HashSet<>();
    /** Those woven so far, for {@link #uninstall}. */
    private final Set<String> woven = ConcurrentHashMap.newKeySet();
    private JsseWeaver weaver; // guarded by this

    private JsseInstrumentation(Set<JsseHook> hooks) {
        this.hooks = Set.copyOf(hooks);
        for (JsseHook hook : hooks) {
            for (String type : hook.targetTypes()) {
                targets.add(type.replace('.', '/'));
            }
        }
    }

    /** Starts weaving {@code hooks}: into the SunJSSE classes loaded already now, into the others as they load. */
    static JsseInstrumentation install(Instrumentation inst, Set<JsseHook> hooks) {
        JsseInstrumentation instrumentation = new JsseInstrumentation(hooks);
        inst.addTransformer(instrumentation, true);
        List<Class<?>> loaded = loaded(inst, instrumentation.targets);
        if (!loaded.isEmpty()) {
            retransform(inst, loaded);
        }
        return instrumentation;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        if (loader != null || className == null || !targets.contains(className)) {
            return null;
        }
        try {
            byte[] result = weaver().weave(className, classFile);
            if (result != null) {
                woven.add(className);
            }
            return result;
        } catch (Throwable t) {
            AgentLog.warn("could not instrument " + className.replace('/', '.') + ": " + t);
            return null; // the JDK class stays as it was
        }
    }

    private synchronized JsseWeaver weaver() {
        if (weaver == null) {
            weaver = new JsseWeaver(hooks);
        }
        return weaver;
    }

    /**
     * Stops weaving and gives the woven classes their original bytecode back. {@code inst} must be
     * the one the hooks were installed with. Returns whether the classes were restored.
     */
    boolean uninstall(Instrumentation inst) {
        inst.removeTransformer(this);
        List<Class<?>> classes = loaded(inst, woven);
        return classes.isEmpty() || retransform(inst, classes);
    }

    private static boolean retransform(Instrumentation inst, List<Class<?>> classes) {
        try {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
            return true;
        } catch (UnmodifiableClassException | RuntimeException e) {
            AgentLog.warn("could not retransform " + classes + ": " + e);
            return false;
        }
    }

    /** The bootstrap classes among {@code names} (internal form) that are loaded. */
    private static List<Class<?>> loaded(Instrumentation inst, Set<String> names) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getClassLoader() == null && names.contains(type.getName().replace('.', '/'))) {
                loaded.add(type);
            }
        }
        return loaded;
    }
}
