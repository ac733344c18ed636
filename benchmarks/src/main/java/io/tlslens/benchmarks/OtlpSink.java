package io.tlslens.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A stand-in OpenTelemetry collector for the agent's benchmarks, run as a process of its own: a real OTLP/HTTP
 * endpoint on 127.0.0.1 that answers every export at once with 200 (an empty export response) and drops it.
 * The agent under test so does all of its exporting work (batching, protobuf encoding, HTTP) against a
 * collector that costs the benchmark's JVM nothing.
 *
 * <p>Prints its endpoint on the first line of standard output; when stopped (SIGTERM), prints what it
 * received per path, which tells that the agent really exported, and for traces how many spans: bytes per
 * span is what the telemetry contract costs on the wire.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.tlslens.benchmarks.OtlpSink}
 */
public final class OtlpSink {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bytes = new ConcurrentHashMap<>();
    private final LongAdder spans = new LongAdder();

    public static void main(String[] args) throws IOException {
        OtlpSink sink = new OtlpSink();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", sink::accept);
        // Two threads: the agent exports spans and metrics from separate threads, and neither should queue.
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(sink::report));
        System.out.println("http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
    }

    private void accept(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        long length = body.length;
        if (path.equals("/v1/traces") && exchange.getRequestHeaders().getFirst("Content-Encoding") == null) {
            spans.add(countSpans(body));
        }
        requests.computeIfAbsent(path, p -> new LongAdder()).increment();
        bytes.computeIfAbsent(path, p -> new LongAdder()).add(length);
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        // -1: no body. An empty Export*ServiceResponse encodes to zero bytes and means "all accepted".
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void report() {
        requests.forEach((path, count) -> System.out.println("received " + path + " requests=" + count
                + " bytes=" + bytes.get(path) + (path.equals("/v1/traces") ? " spans=" + spans : "")));
        System.out.flush();
    }

    /**
     * The spans of an ExportTraceServiceRequest: field 2 (spans) of each ScopeSpans, field 2 of each
     * ResourceSpans, field 1 of the request (opentelemetry/proto/trace/v1/trace.proto). A protobuf walk of three
     * levels, which needs no generated classes.
     */
    static long countSpans(byte[] request) {
        long count = 0;
        for (ByteBuffer resourceSpans : messages(ByteBuffer.wrap(request), 1)) {
            for (ByteBuffer scopeSpans : messages(resourceSpans, 2)) {
                count += messages(scopeSpans, 2).size();
            }
        }
        return count;
    }

    /** The length-delimited fields numbered {@code field} of one message; every other field is skipped. */
    private static List<ByteBuffer> messages(ByteBuffer message, int field) {
        List<ByteBuffer> found = new ArrayList<>();
        while (message.hasRemaining()) {
            long key = varint(message);
            int wireType = (int) (key & 7);
            switch (wireType) {
                case 0:
                    varint(message);
                    break;
                case 1:
                    message.position(message.position() + 8);
                    break;
                case 5:
                    message.position(message.position() + 4);
                    break;
                case 2:
                    int length = (int) varint(message);
                    ByteBuffer value = message.slice().limit(length);
                    message.position(message.position() + length);
                    if (key >>> 3 == field) {
                        found.add(value);
                    }
                    break;
                default:
                    throw new IllegalArgumentException("wire type " + wireType);
            }
        }
        return found;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }
}
