package io.tlslens.agent.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * OTLP/HTTP with binary protobuf bodies ({@code http/protobuf}): POST /v1/traces, /v1/metrics, /v1/logs, optionally
 * gzip-compressed, answered 200 with an empty Export*ServiceResponse as a collector would. Anything else is refused
 * with the status a collector would use, and recorded so a test that awaits spans learns why none arrived.
 */
public final class OtlpHttpReceiver extends OtlpReceiver {
    private static final String PROTOBUF = "application/x-protobuf";

    private final HttpServer server;
    private final ExecutorService executor;

    private OtlpHttpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "otlp-http-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        route("/v1/traces", ExportTraceServiceRequest.parser(), store()::add,
                ExportTraceServiceResponse.getDefaultInstance());
        route("/v1/metrics", ExportMetricsServiceRequest.parser(), store()::add,
                ExportMetricsServiceResponse.getDefaultInstance());
        route("/v1/logs", ExportLogsServiceRequest.parser(), store()::add,
                ExportLogsServiceResponse.getDefaultInstance());
        server.start();
    }

    public static OtlpHttpReceiver start() {
        try {
            return new OtlpHttpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OTLP/HTTP receiver", e);
        }
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public String protocol() {
        return HTTP_PROTOBUF;
    }

    private <T extends MessageLite> void route(String path, Parser<T> parser, Consumer<T> sink, MessageLite response) {
        server.createContext(path, exchange -> {
            // HttpExchange is AutoCloseable only from Java 18; this compiles for 11.
            try {
                handle(exchange, path, parser, sink, response);
            } catch (RuntimeException e) {
                // HttpServer would swallow it and drop the connection; say what broke instead.
                refuse(exchange, "500 " + path + ": receiver failed: " + e);
            } finally {
                exchange.close();
            }
        });
    }

    private <T extends MessageLite> void handle(HttpExchange exchange, String path, Parser<T> parser, Consumer<T> sink,
            MessageLite response) throws IOException {
        String refusal = refusal(exchange, path);
        if (refusal != null) {
            refuse(exchange, refusal);
            return;
        }
        T request;
        try (InputStream body = body(exchange)) {
            request = parser.parseFrom(body);
        } catch (InvalidProtocolBufferException | java.util.zip.ZipException e) {
            refuse(exchange, "400 " + path + ": undecodable body: " + e.getMessage());
            return;
        }
        sink.accept(request);
        send(exchange, 200, PROTOBUF, response.toByteArray());
    }

    /** Why the request cannot be taken as {@code http/protobuf}, as "STATUS explanation"; null when it can. */
    private static String refusal(HttpExchange exchange, String path) {
        String requestPath = exchange.getRequestURI().getPath();
        if (!requestPath.equals(path)) {
            return "404 no OTLP signal at " + requestPath;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return "405 " + exchange.getRequestMethod() + " " + path + ": OTLP/HTTP exports are POSTs";
        }
        String contentType = header(exchange, "Content-Type");
        if (!contentType.startsWith(PROTOBUF)) {
            return "415 " + path + ": Content-Type '" + contentType + "'; this receiver decodes " + PROTOBUF
                    + " (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf) only";
        }
        String encoding = header(exchange, "Content-Encoding");
        if (!encoding.isEmpty() && !encoding.equals("gzip") && !encoding.equals("identity")) {
            return "415 " + path + ": Content-Encoding '" + encoding + "' (gzip or none expected)";
        }
        return null;
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        return header(exchange, "Content-Encoding").equals("gzip") ? new GZIPInputStream(body) : body;
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private void refuse(HttpExchange exchange, String refusal) throws IOException {
        store().reject(refusal);
        int status = Integer.parseInt(refusal.substring(0, 3));
        send(exchange, status, "text/plain; charset=utf-8", refusal.substring(4).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // -1: no body (an empty Export*ServiceResponse is zero bytes); 0 would mean chunked.
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
