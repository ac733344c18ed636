package io.tlslens.agent.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;

/** Prints each handshake span as a {@link Ladder} diagram: the console output when no backend is configured. */
public final class LadderExporter implements SpanExporter {

    private final PrintStream out;

    public LadderExporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        StringBuilder text = new StringBuilder();
        for (SpanData span : spans) {
            text.append(Ladder.render(span)).append('\n');
        }
        // One write per batch, so that ladders of concurrent handshakes never interleave.
        out.print(text);
        out.flush();
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        out.flush();
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return flush();
    }
}
