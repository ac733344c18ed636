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
            isConstructor().and(takesArguments(6)).and(takesArgument(4, named(JsseTypes.OUTPUT_RECORD))),
            TransportContextCreatedAdvice.class),
    RECEIVED("received handshake messages, alerts and ChangeCipherSpec", JsseTypes.TRANSPORT_CONTEXT,
            named("dispatch").and(takesArguments(1)).and(takesArgument(0, named(JsseTypes.PLAINTEXT))),
            InboundRecordAdvice.class),
    FINISHED("handshake completion", JsseTypes.TRANSPORT_CONTEXT,
            named("finishHandshake").or(named("finishPostHandshake")).and(takesArguments(0)),
            HandshakeFinishedAdvice.class),
    FATAL("handshake failures", JsseTypes.TRANSPORT_CONTEXT,
            named("fatal").and(takesArguments(4)).and(takesArgument(0, named(JsseTypes.ALERT)))
                    .and(takesArgument(1, String.class)).and(takesArgument(2, boolean.class))
                    .and(takesArgument(3, Throwable.class)),
            FatalAdvice.class),
    SENT_HANDSHAKE("sent handshake messages", JsseTypes.OUTPUT_RECORD,
            named("encodeHandshake").and(takesArguments(byte[].class, int.class, int.class)),
            OutboundHandshakeAdvice.class),
    SENT_ALERT("sent alerts", JsseTypes.OUTPUT_RECORD,
            named("encodeAlert").and(takesArguments(byte.class, byte.class)),
            OutboundAlertAdvice.class),
    SENT_CHANGE_CIPHER_SPEC("sent ChangeCipherSpec", JsseTypes.OUTPUT_RECORD,
            named("encodeChangeCipherSpec").and(takesArguments(0)),
            OutboundChangeCipherSpecAdvice.class),
    SOCKET_HANDSHAKE_ABORTED("SSLSocket handshake timeouts", JsseTypes.SSL_SOCKET_IMPL,
            named("startHandshake").and(takesArguments(0)),
            SocketHandshakeAbortedAdvice.class),
    CERTIFICATES_CHECKED_13("time spent in the trust manager (TLS 1.3)", JsseTypes.T13_CERTIFICATE_CONSUMER,
            certificateChecks(), CertificateCheckAdvice.class),
    CERTIFICATES_CHECKED_12("time spent in the trust manager (TLS 1.2)", JsseTypes.T12_CERTIFICATE_CONSUMER,
            certificateChecks(), CertificateCheckAdvice.class),
    /**
     * The one place SunJSSE (17 to 25) asks the application's key manager for this side's
     * certificate, client or server, TLS 1.3 or 1.2: the static
     * {@code X509Authentication.createPossession(HandshakeContext, String[])}, which the instance
     * method of the same name and every handshake producer call.
     */
    KEY_SELECTED("time spent in the key manager", JsseTypes.X509_AUTHENTICATION,
            named("createPossession").and(isStatic()).and(takesArguments(2))
                    .and(takesArgument(0, named(JsseTypes.HANDSHAKE_CONTEXT)))
                    .and(takesArgument(1, String[].class)),
            KeySelectionAdvice.class),
    /** H7, woven only when {@code keylog} is set: the TLS 1.2 master secret and the TLS 1.3 traffic secrets. */
    KEY_DERIVED("TLS secrets for the key log (keylog=)", JsseTypes.SSL_TRAFFIC_KEY_DERIVATION,
            named("createKeyDerivation").and(takesArguments(2))
                    .and(takesArgument(0, named(JsseTypes.HANDSHAKE_CONTEXT)))
                    .and(takesArgument(1, named("javax.crypto.SecretKey"))),
            TrafficKeyDerivationAdvice.class);

    /** What is lost when the hook is missing, for the warning. */
    final String feature;
    /** The class that declares the method; for output records, the abstract base. */
    final String declaringType;
    final ElementMatcher<? super MethodDescription> method;
    final Class<?> advice;

    JsseHook(String feature, String declaringType, ElementMatcher<? super MethodDescription> method, Class<?> advice) {
        this.feature = feature;
        this.declaringType = declaringType;
        this.method = method;
        this.advice = advice;
    }

    /** The hooks handshake recording needs; {@link #KEY_DERIVED} is added only for a key log. */
    static Set<JsseHook> recording() {
        return EnumSet.complementOf(EnumSet.of(KEY_DERIVED));
    }

    /** The static {@code checkServerCerts}/{@code checkClientCerts(HandshakeContext, chain)} of both versions. */
    private static ElementMatcher<MethodDescription> certificateChecks() {
        return named("checkServerCerts").or(named("checkClientCerts")).and(isStatic()).and(takesArguments(2));
    }

    /** The concrete classes the advice is woven into. */
    List<String> targetTypes() {
        return JsseTypes.OUTPUT_RECORD.equals(declaringType) ? JsseTypes.CONCRETE_OUTPUT_RECORDS : List.of(declaringType);
    }
}
