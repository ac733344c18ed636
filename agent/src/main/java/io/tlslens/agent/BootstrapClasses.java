package io.tlslens.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the few classes that the advice inside {@code java.base} links to on the bootstrap class
 * path. It must run before anything loads them through the agent's own class loader: after that,
 * the two loaders would hold two different copies.
 */
final class BootstrapClasses {

    /** By name: a class literal would load them through the agent's loader first. */
    private static final String PACKAGE = "io/tlslens/agent/bootstrap/";
    private static final List<String> CLASSES = List.of("JsseTap", "Taps");

    private BootstrapClasses() {
    }

    /**
     * Appends the classes to the bootstrap class path unless they already are on it: an attach after
     * a detach (or after {@code -javaagent}) finds them there, and a second copy would never be seen.
     */
    static synchronized void injectOnce(Instrumentation inst) throws IOException {
        if (!onBootstrapPath()) {
            inject(inst);
        }
    }

    private static boolean onBootstrapPath() {
        try {
            Class.forName(PACKAGE.replace('/', '.') + CLASSES.get(CLASSES.size() - 1), false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void inject(Instrumentation inst) throws IOException {
        Path jar = Files.createTempFile("tlslens-bootstrap", ".jar");
        jar.toFile().deleteOnExit();
        ClassLoader agentLoader = BootstrapClasses.class.getClassLoader();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASSES) {
                String entry = PACKAGE + name + ".class";
                try (InputStream in = agentLoader.getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IOException("the agent jar lacks " + entry);
                    }
                    out.putNextEntry(new JarEntry(entry));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }
}
