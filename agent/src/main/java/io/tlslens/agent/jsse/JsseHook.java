package io.tlslens.agent.jsse;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.tlslens.agent.jsse.advice.CertificateCheckAdvice;
import io.tlslens.agent.jsse.advice.FatalAdvice;
import io.tlslens.agent.jsse.advice.HandshakeFinishedAdvice;
import io.tlslens.agent.jsse.advice.InboundRecordAdvice;
import io.tlslens.agent.jsse.advice.KeySelectionAdvice;
import io.tlslens.agent.jsse.advice.OutboundAlertAdvice;
import io.tlslens.agent.jsse.advice.OutboundChangeCipherSpecAdvice;
import io.tlslens.agent.jsse.advice.OutboundHandshakeAdvice;
import io.tlslens.agent.jsse.advice.SocketHandshakeAbortedAdvice;
import io.tlslens.agent.jsse.advice.TrafficKeyDerivationAdvice;
import io.tlslens.agent.jsse.advice.TransportContextCreatedAdvice;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One interception point in SunJSSE (see the research note on hook points, H1–H7). Methods are
 * matched by name and parameter types only: return types and {@code throws} clauses differ between
 * JDK versions.
 */
enum JsseHook {
    CONNECTION_CREATED("map output records to their connection", JsseTypes.TRANSPORT_CONTEXT,
            TransportContextCreatedAdvice.class),
    RECEIVED("received handshake messages, alerts and ChangeCipherSpec", JsseTypes.TRANSPORT_CONTEXT,
            InboundRecordAdvice.class),
    FINISHED("handshake completion", JsseTypes.TRANSPORT_CONTEXT, HandshakeFinishedAdvice.class),
    FATAL("handshake failures", JsseTypes.TRANSPORT_CONTEXT, FatalAdvice.class),
    SENT_HANDSHAKE("sent handshake messages", JsseTypes.OUTPUT_RECORD, OutboundHandshakeAdvice.class),
    SENT_ALERT("sent alerts", JsseTypes.OUTPUT_RECORD, OutboundAlertAdvice.class),
    SENT_CHANGE_CIPHER_SPEC("sent ChangeCipherSpec", JsseTypes.OUTPUT_RECORD, OutboundChangeCipherSpecAdvice.class),
    SOCKET_HANDSHAKE_ABORTED("SSLSocket handshake timeouts", JsseTypes.SSL_SOCKET_IMPL,
            SocketHandshakeAbortedAdvice.class),
    CERTIFICATES_CHECKED_13("time spent in the trust manager (TLS 1.3)", JsseTypes.T13_CERTIFICATE_CONSUMER,
            CertificateCheckAdvice.class),
    CERTIFICATES_CHECKED_12("time spent in the trust manager (TLS 1.2)", JsseTypes.T12_CERTIFICATE_CONSUMER,
            CertificateCheckAdvice.class),
    /**
     * The one place SunJSSE (17 to 25) asks the application's key manager for this side's
     * certificate, client or server, TLS 1.3 or 1.2: the static
     * {@code X509Authentication.createPossession(HandshakeContext, String[])}, which the instance
     * method of the same name and every handshake producer call.
     */
    KEY_SELECTED("time spent in the key manager", JsseTypes.X509_AUTHENTICATION, KeySelectionAdvice.class),
    /** H7, woven only when {@code keylog} is set: the TLS 1.2 master secret and the TLS 1.3 traffic secrets. */
    KEY_DERIVED("TLS secrets for the key log (keylog=)", JsseTypes.SSL_TRAFFIC_KEY_DERIVATION,
            TrafficKeyDerivationAdvice.class);

    /** What is lost when the hook is missing, for the warning. */
    final String feature;
    /** The class that declares the method; for output records, the abstract base. */
    final String declaringType;
    final Class<?> advice;

    JsseHook(String feature, String declaringType, Class<?> advice) {
        this.feature = feature;
        this.declaringType = declaringType;
        this.advice = advice;
    }

    /** The method the advice goes into. */
    ElementMatcher<? super MethodDescription> method() {
        return Methods.of(this);
    }

    /**
     * The hooks' methods, apart from the constants: ByteBuddy's matchers are built, and ByteBuddy
     * loaded, only when the first SunJSSE class is woven, not when TLSLens starts.
     */
    private static final class Methods {
        private Methods() {
        }

        static ElementMatcher<? super MethodDescription> of(JsseHook hook) {
            switch (hook) {
                case CONNECTION_CREATED:
                    return isConstructor().and(takesArguments(6))
                            .and(takesArgument(4, named(JsseTypes.OUTPUT_RECORD)));
                case RECEIVED:
                    return named("dispatch").and(takesArguments(1))
                            .and(takesArgument(0, named(JsseTypes.PLAINTEXT)));
                case FINISHED:
                    return named("finishHandshake").or(named("finishPostHandshake")).and(takesArguments(0));
                case FATAL:
                    return named("fatal").and(takesArguments(4)).and(takesArgument(0, named(JsseTypes.ALERT)))
                            .and(takesArgument(1, String.class)).and(takesArgument(2, boolean.class))
                            .and(takesArgument(3, Throwable.class));
                case SENT_HANDSHAKE:
                    return named("encodeHandshake").and(takesArguments(byte[].class, int.class, int.class));
                case SENT_ALERT:
                    return named("encodeAlert").and(takesArguments(byte.class, byte.class));
                case SENT_CHANGE_CIPHER_SPEC:
                    return named("encodeChangeCipherSpec").and(takesArguments(0));
                case SOCKET_HANDSHAKE_ABORTED:
                    return named("startHandshake").and(takesArguments(0));
                case CERTIFICATES_CHECKED_13:
                case CERTIFICATES_CHECKED_12:
                    // The static checkServerCerts/checkClientCerts(HandshakeContext, chain) of both versions.
                    return named("checkServerCerts").or(named("checkClientCerts")).and(isStatic())
                            .and(takesArguments(2));
                case KEY_SELECTED:
                    return named("createPossession").and(isStatic()).and(takesArguments(2))
                            .and(takesArgument(0, named(JsseTypes.HANDSHAKE_CONTEXT)))
                            .and(takesArgument(1, String[].class));
                case KEY_DERIVED:
                    return named("createKeyDerivation").and(takesArguments(2))
                            .and(takesArgument(0, named(JsseTypes.HANDSHAKE_CONTEXT)))
                            .and(takesArgument(1, named("javax.crypto.SecretKey")));
                default:
                    throw new AssertionError(hook);
            }
        }
    }

    /** The hooks handshake recording needs; {@link #KEY_DERIVED} is added only for a key log. */
    static Set<JsseHook> recording() {
        return EnumSet.complementOf(EnumSet.of(KEY_DERIVED));
    }

    /** The concrete classes the advice is woven into. */
    List<String> targetTypes() {
        return JsseTypes.OUTPUT_RECORD.equals(declaringType) ? JsseTypes.CONCRETE_OUTPUT_RECORDS : List.of(declaringType);
    }
}
