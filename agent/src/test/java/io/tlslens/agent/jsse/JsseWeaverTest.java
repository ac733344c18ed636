package io.tlslens.agent.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/** Each hook is probed on its own: a JDK that lacks one loses that feature, with one warning, and keeps the rest. */
class JsseWeaverTest {

    @Test
    void theRunningJdkHasEveryRecordingHook() {
        Set<JsseHook> wanted = JsseHook.recording();
        assertEquals(wanted, JsseWeaver.probe(wanted));
    }

    @Test
    void aMissingMethodDisablesOnlyItsHookWithOneWarning() {
        // A TransportContext as a future JDK might have it: finishHandshake() still there, dispatch(Plaintext) gone.
        byte[] changed = new ByteBuddy().subclass(Object.class).name(JsseTypes.TRANSPORT_CONTEXT)
                .defineMethod("finishHandshake", Object.class, Visibility.PACKAGE_PRIVATE)
                .intercept(FixedValue.nullValue())
                .make().getBytes();
        TypePool pool = TypePool.Default.of(new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(JsseTypes.TRANSPORT_CONTEXT, changed),
                ClassFileLocator.ForClassLoader.ofBootLoader()));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Set<JsseHook> available;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            available = JsseWeaver.probe(EnumSet.of(JsseHook.RECEIVED, JsseHook.FINISHED,
                    JsseHook.SENT_HANDSHAKE), pool);
        } finally {
            System.setErr(original);
        }

        assertEquals(EnumSet.of(JsseHook.FINISHED, JsseHook.SENT_HANDSHAKE), available);
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, warnings.lines().count(), warnings);
        assertTrue(warnings.startsWith("[tlslens] WARNING: this JDK lacks sun.security.ssl.TransportContext method "
                + "for hook RECEIVED: received handshake messages, alerts and ChangeCipherSpec will not be recorded"),
                warnings);
    }
}
