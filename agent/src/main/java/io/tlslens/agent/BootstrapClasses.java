package io.tlslens.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Defines the few classes that the advice inside {@code java.base} links to in the bootstrap class
 * loader. It must run before anything loads them through the agent's own class loader: after that,
 * the two loaders would hold two different copies.
 *
 * <p>They are defined one by one with the JDK's internal {@code Unsafe.defineClass}, rather than
 * appended to the bootstrap search path as a jar: an appended path turns class data sharing (CDS)
 * off for every class the application and platform loaders load, which JDK 17 says on standard
 * error at every start, and writing the jar costs more than the rest of TLSLens's start. A JDK
 * where that method is missing or refused gets the jar.
 */
final class BootstrapClasses {

    /** By name: a class literal would load them through the agent's loader first. */
    private static final String PACKAGE = "io/tlslens/agent/bootstrap/";
    /** In the order they are defined: an interface before the class that refers to it. */
    private static final List<String> CLASSES = List.of("JsseTap", "Taps");
    private static final String UNSAFE = "jdk.internal.misc.Unsafe";

    private BootstrapClasses() {
    }

    /**
     * Defines the classes unless the bootstrap loader has them already: an attach after a detach
     * (or after {@code -javaagent}) finds them there, and a second copy would never be seen.
     */
    static synchronized void injectOnce(Instrumentation inst) throws IOException {
        if (!inBootstrapLoader()) {
            inject(inst);
        }
    }

    private static boolean inBootstrapLoader() {
        try {
            Class.forName(PACKAGE.replace('/', '.') + CLASSES.get(CLASSES.size() - 1), false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void inject(Instrumentation inst) throws IOException {
        Map<String, byte[]> classFiles = classFiles();
        try {
            defineWithUnsafe(inst, classFiles);
        } catch (RuntimeException e) {
            // A JDK without the internal method, or one that refuses the export: the jar still works, at the
            // price of CDS for the application's classes.
            AgentLog.warn("the bootstrap classes go on the boot class path instead (" + e.getMessage() + ")");
            appendAsJar(inst, classFiles);
        }
    }

    /** The class files by internal name, in {@link #CLASSES} order. */
    private static Map<String, byte[]> classFiles() throws IOException {
        Map<String, byte[]> classFiles = new LinkedHashMap<>();
        ClassLoader agentLoader = BootstrapClasses.class.getClassLoader();
        for (String name : CLASSES) {
            String entry = PACKAGE + name + ".class";
            try (InputStream in = agentLoader.getResourceAsStream(entry)) {
                if (in == null) {
                    throw new IOException("the agent jar lacks " + entry);
                }
                classFiles.put(PACKAGE + name, in.readAllBytes());
            }
        }
        return classFiles;
    }

    private static void defineWithUnsafe(Instrumentation inst, Map<String, byte[]> classFiles) {
        Object unsafe = unsafe(inst);
        Method defineClass;
        try {
            defineClass = unsafe.getClass().getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                    ClassLoader.class, ProtectionDomain.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this JDK has no " + UNSAFE + ".defineClass", e);
        }
        for (Map.Entry<String, byte[]> classFile : classFiles.entrySet()) {
            byte[] bytes = classFile.getValue();
            try {
                defineClass.invoke(unsafe, classFile.getKey().replace('/', '.'), bytes, 0, bytes.length, null, null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot define " + classFile.getKey() + " in the bootstrap loader", e);
            }
        }
    }

    /** The classes in a temporary jar appended to the bootstrap search path, as every JDK supports. */
    private static void appendAsJar(Instrumentation inst, Map<String, byte[]> classFiles) throws IOException {
        Path jar = Files.createTempFile("tlslens-bootstrap", ".jar");
        jar.toFile().deleteOnExit();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> classFile : classFiles.entrySet()) {
                out.putNextEntry(new JarEntry(classFile.getKey() + ".class"));
                out.write(classFile.getValue());
                out.closeEntry();
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }

    /**
     * The JDK's internal {@code Unsafe}, exported to TLSLens's module for its {@code defineClass}:
     * the one method (JDK 9 to 25) that defines a class in the bootstrap loader without a jar.
     * Called reflectively, as TLSLens is compiled against the public API; core reflection rather
     * than method handles, whose first use costs a JVM tens of milliseconds of class spinning.
     */
    private static Object unsafe(Instrumentation inst) {
        Module javaBase = Object.class.getModule();
        inst.redefineModule(javaBase, Set.of(), Map.of("jdk.internal.misc", Set.of(BootstrapClasses.class.getModule())),
                Map.of(), Set.of(), Map.of());
        try {
            return Class.forName(UNSAFE, false, null).getMethod("getUnsafe").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JDK has no " + UNSAFE + ".getUnsafe", e);
        }
    }
}
