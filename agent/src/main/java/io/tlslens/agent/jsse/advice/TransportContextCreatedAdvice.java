package io.tlslens.agent.jsse.advice;

import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.bootstrap.Taps;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** H1: {@code TransportContext.<init>(SSLContextImpl, SSLTransport, SSLConfiguration, InputRecord, OutputRecord, boolean)}. */
public final class TransportContextCreatedAdvice {

    private TransportContextCreatedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object transportContext,
                     @Advice.FieldValue(value = "outputRecord", typing = Assigner.Typing.DYNAMIC) Object outputRecord) {
        JsseTap tap = Taps.jsse;
        if (tap != null) {
            tap.connectionCreated(transportContext, outputRecord);
        }
    }
}
