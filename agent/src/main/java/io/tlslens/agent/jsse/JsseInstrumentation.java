package io.tlslens.agent.jsse;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.tlslens.agent.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves the {@link JsseHook}s into SunJSSE. Each hook is probed on the running JDK first, so a
 * method that a JDK version lacks disables one feature with one warning instead of failing.
 */
public final class JsseInstrumentation {

    private JsseInstrumentation() {
    }

    /**
     * Weaves the hooks that {@link #probe} found on this JDK; returns the transformer so that
     * it can be removed again.
     */
    static ResettableClassFileTransformer install(Instrumentation inst, Set<JsseHook> available) {
        // Inline advice needs no Nexus (ByteBuddy's initializer injection). Left on, it reaches for
        // sun.misc.Unsafe, which JDK 24+ reports on the application's standard error. The property
        // name is relocated with ByteBuddy, so it reaches only TLSLens's own copy.
        System.setProperty("net.bytebuddy.nexus.disabled", "true");
        AgentBuilder builder = new AgentBuilder.Default()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                // ByteBuddy ignores bootstrap classes by default; SunJSSE is all we want.
                .ignore(not(nameStartsWith(JsseTypes.PACKAGE)))
                .with(new FailureListener());
        ClassLoader adviceLoader = JsseInstrumentation.class.getClassLoader();
        for (Map.Entry<String, List<JsseHook>> target : byTargetType(available).entrySet()) {
            AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice()
                    .include(adviceLoader);
            for (JsseHook hook : target.getValue()) {
                advice = advice.advice(hook.method, hook.advice.getName());
            }
            builder = builder.type(named(target.getKey())).transform(advice);
        }
        return builder.installOn(inst);
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
        return !type.getDeclaredMethods().filter(hook.method).isEmpty();
    }

    private static Map<String, List<JsseHook>> byTargetType(Set<JsseHook> hooks) {
        Map<String, List<JsseHook>> byType = new LinkedHashMap<>();
        for (JsseHook hook : hooks) {
            for (String type : hook.targetTypes()) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(hook);
            }
        }
        return byType;
    }

    /** Reports a class that could not be woven, once; the JDK class stays as it was. */
    private static final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, net.bytebuddy.utility.JavaModule module,
                            boolean loaded, Throwable throwable) {
            AgentLog.warn("could not instrument " + typeName + ": " + throwable);
        }
    }
}
