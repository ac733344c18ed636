package io.tlslens.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a handshake span as a ladder diagram for an 80-column terminal: the client on the left,
 * the server on the right, one arrow per message with its offset from the first, then what was
 * negotiated or why it failed.
 */
public final class Ladder {

    static final int WIDTH = 80;
    private static final int TIME_COLUMN = 10;
    private static final int ARROW_WIDTH = WIDTH - TIME_COLUMN - 1;
    private static final AttributeKey<String> ALERT_LEVEL = AttributeKey.stringKey("tlslens.alert.level");
    private static final AttributeKey<String> ALERT_DESCRIPTION = AttributeKey.stringKey("tlslens.alert.description");

    private Ladder() {
    }

    public static String render(SpanData span) {
        Attributes attributes = span.getAttributes();
        boolean client = "client".equals(attributes.get(TlsAttributes.ROLE));
        StringBuilder out = new StringBuilder();
        out.append(wrap("", header(span, attributes)));
        if (!Boolean.TRUE.equals(attributes.get(TlsAttributes.POST_HANDSHAKE))) {
            out.append(String.format(Locale.ROOT, "%" + TIME_COLUMN + "s%-" + (ARROW_WIDTH / 2) + "s%"
                    + (ARROW_WIDTH - ARROW_WIDTH / 2) + "s%n", "ms  ",
                    client ? "client (this JVM)" : "client", client ? "server" : "server (this JVM)"));
        }
        for (EventData event : span.getEvents()) {
            double offsetMs = (event.getEpochNanos() - span.getStartEpochNanos()) / 1e6;
            // Offsets past 10 s widen the time column; the arrow gives the room back, so lines stay in 80.
            String time = String.format(Locale.ROOT, "%8.3f  ", offsetMs);
            if (TlsAttributes.DECISION_EVENT.equals(event.getName())) {
                out.append(time).append(decision(event.getAttributes(), client, WIDTH - 1 - time.length()));
            } else {
                boolean sent = "sent".equals(event.getAttributes().get(TlsAttributes.DIRECTION));
                out.append(time).append(arrow(label(event), sent == client, WIDTH - 1 - time.length()));
            }
            out.append('\n');
        }
        out.append(summary(span, attributes));
        return out.toString();
    }

    private static String header(SpanData span, Attributes attributes) {
        String endpoint = attributes.get(TlsAttributes.SERVER_ADDRESS);
        Long port = attributes.get(TlsAttributes.SERVER_PORT);
        String peer = attributes.get(TlsAttributes.PEER_ADDRESS);
        StringBuilder header = new StringBuilder(span.getName());
        if (endpoint != null || peer != null) {
            header.append("  ").append(endpoint != null ? endpoint : peer);
            if (port != null) {
                header.append(':').append(port);
            }
            if (endpoint != null && peer != null && !endpoint.equals(peer)) {
                header.append(" (").append(peer).append(')');
            }
        }
        double totalMs = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6;
        header.append(String.format(Locale.ROOT, "  %.1f ms  [%s]", totalMs, attributes.get(TlsAttributes.STACK)));
        return header.toString();
    }

    private static String label(EventData event) {
        String level = event.getAttributes().get(ALERT_LEVEL);
        String description = event.getAttributes().get(ALERT_DESCRIPTION);
        if (description != null) {
            return event.getName() + " " + level + " " + description;
        }
        return event.getName();
    }

    private static String arrow(String label, boolean rightwards, int width) {
        int dashes = Math.max(3, width - label.length() - 2);
        String line = "-".repeat(dashes);
        return rightwards ? label + " " + line + ">" : "<" + line + " " + label;
    }

    /**
     * A reference-stack decision in one line under this JVM's side, cut to fit:
     * {@code * cipher_suite = TLS_AES_128_GCM_SHA256: first client suite the server enables}.
     */
    private static String decision(Attributes attributes, boolean client, int width) {
        String outcome = attributes.get(TlsAttributes.DECISION_OUTCOME);
        String line = "* " + attributes.get(TlsAttributes.DECISION_SUBJECT) + " = "
                + (outcome == null ? "none" : outcome) + ": " + attributes.get(TlsAttributes.DECISION_REASON);
        if (line.length() > width) {
            line = line.substring(0, width - 3) + "...";
        }
        return client ? line : " ".repeat(width - line.length()) + line;
    }

    private static String summary(SpanData span, Attributes attributes) {
        List<String> parts = new ArrayList<>();
        addIfPresent(parts, "TLS ", attributes.get(TlsAttributes.PROTOCOL_VERSION));
        addIfPresent(parts, "", attributes.get(TlsAttributes.CIPHER));
        addIfPresent(parts, "", attributes.get(TlsAttributes.CURVE));
        addIfPresent(parts, "alpn=", attributes.get(TlsAttributes.NEXT_PROTOCOL));
        String sni = null;
        for (EventData event : span.getEvents()) {
            if ("ClientHello".equals(event.getName())) {
                sni = event.getAttributes().get(AttributeKey.stringKey("tlslens.message.server_name"));
            }
        }
        addIfPresent(parts, "sni=", sni);
        Boolean resumed = attributes.get(TlsAttributes.RESUMED);
        if (resumed != null) {
            parts.add(resumed ? "resumed" : "full");
        }
        if (Boolean.TRUE.equals(attributes.get(TlsAttributes.HELLO_RETRY))) {
            parts.add("hello-retry");
        }
        StringBuilder out = new StringBuilder();
        if (!parts.isEmpty()) {
            out.append(wrap("  ", String.join("  ", parts)));
        }
        out.append(share(span, attributes.get(TlsAttributes.CERTIFICATE_CHECK_DURATION),
                "certificate check (trust manager)"));
        out.append(share(span, attributes.get(TlsAttributes.KEY_SELECTION_DURATION), "key selection (key manager)"));
        if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
            String alert = attributes.get(TlsAttributes.FAILURE_ALERT);
            out.append(wrap("  ", "FAILED: " + attributes.get(TlsAttributes.ERROR_TYPE) + " ("
                    + attributes.get(TlsAttributes.FAILURE_SIDE) + " side"
                    + (alert != null ? ", alert " + alert : "") + ")"));
            out.append(wrap("  why: ", attributes.get(TlsAttributes.FAILURE_DETAIL)));
            out.append(wrap("  fix: ", attributes.get(TlsAttributes.FAILURE_HINT)));
        }
        return out.toString();
    }

    /** {@code what: 573.7 ms of the 650.1 ms}: the part of the handshake spent in the application's code. */
    private static String share(SpanData span, Double seconds, String what) {
        if (seconds == null) {
            return "";
        }
        double totalMs = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6;
        double ms = seconds * 1e3;
        // A key manager's lookup in memory takes microseconds: two decimals, so that it does not read as none.
        return wrap("  ", String.format(Locale.ROOT, ms < 1 ? "%s: %.2f ms of the %.1f ms" : "%s: %.1f ms of the %.1f ms",
                what, ms, totalMs));
    }

    private static void addIfPresent(List<String> parts, String prefix, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(prefix + value);
        }
    }

    /** Word-wraps {@code text} to the terminal width, continuation lines indented under the first. */
    static String wrap(String lead, String text) {
        if (text == null) {
            return "";
        }
        String indent = " ".repeat(lead.length());
        StringBuilder out = new StringBuilder(lead);
        int column = lead.length();
        for (String word : text.split(" ")) {
            if (column > lead.length() && column + 1 + word.length() > WIDTH) {
                out.append('\n').append(indent);
                column = indent.length();
            } else if (column > lead.length()) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.append('\n').toString();
    }
}
