package io.tlslens.agent.jsse;

import io.tlslens.agent.AgentLog;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves the advice of the {@link JsseHook}s into SunJSSE class files, with ByteBuddy. Only
 * {@link JsseInstrumentation} makes one, when the first SunJSSE class it weaves is loaded: ByteBuddy's
 * thousand classes are then loaded by a JVM that uses TLS, and by no other.
 *
 * <p>It decorates the class file it is given: advice inlined into existing methods, nothing added,
 * so the result can also replace a class that is loaded already (attach).
 */
final class JsseWeaver {

    /** Nothing is generated but inlined advice, so ByteBuddy's checks of new members have nothing to check. */
    private final ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED);
    /** Class name (internal form, {@code sun/security/ssl/TransportContext}) to the advice it gets. */
    private final Map<String, List<AsmVisitorWrapper>> adviceByType = new HashMap<>();

    /** Weaves those of {@code hooks} that this JDK declares; each missing one is reported once, here. */
    JsseWeaver(Set<JsseHook> hooks) {
        for (JsseHook hook : probe(hooks)) {
            AsmVisitorWrapper advice = Advice.to(hook.advice).on(hook.method());
            for (String type : hook.targetTypes()) {
                adviceByType.computeIfAbsent(type.replace('.', '/'), t -> new ArrayList<>()).add(advice);
            }
        }
    }

    /**
     * {@code classFile} of {@code internalName} with its advice woven in, or {@code null} when
     * it gets none.
     */
    byte[] weave(String internalName, byte[] classFile) {
        List<AsmVisitorWrapper> advice = adviceByType.get(internalName);
        if (advice == null) {
            return null;
        }
        String name = internalName.replace('/', '.');
        // The class itself from the bytes being defined; what it refers to from the JDK's own class files.
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                ClassFileLocator.ForClassLoader.ofBootLoader());
        TypeDescription type = TypePool.Default.of(locator).describe(name).resolve();
        DynamicType.Builder<?> builder = byteBuddy.decorate(type, locator);
        for (AsmVisitorWrapper wrapper : advice) {
            builder = builder.visit(wrapper);
        }
        return builder.make().getBytes();
    }

    /** Those of {@code wanted} that this JDK declares; each missing one is reported once. */
    static Set<JsseHook> probe(Set<JsseHook> wanted) {
        return probe(wanted, TypePool.Default.of(ClassFileLocator.ForClassLoader.ofBootLoader()));
    }

    /** {@link #probe(Set)} against the classes {@code pool} describes: the running JDK's, or a test's. */
    static Set<JsseHook> probe(Set<JsseHook> wanted, TypePool pool) {
        Set<JsseHook> available = EnumSet.noneOf(JsseHook.class);
        for (JsseHook hook : wanted) {
            if (declares(pool, hook)) {
                available.add(hook);
            } else {
                AgentLog.warn("this JDK lacks " + hook.declaringType + " method for hook " + hook
                        + ": " + hook.feature + " will not be recorded");
            }
        }
        return available;
    }

    private static boolean declares(TypePool pool, JsseHook hook) {
        TypePool.Resolution resolution = pool.describe(hook.declaringType);
        if (!resolution.isResolved()) {
            return false;
        }
        TypeDescription type = resolution.resolve();
        return !type.getDeclaredMethods().filter(hook.method()).isEmpty();
    }
}
