package io.tlslens.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * received per path, which tells that the agent really exported.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.tlslens.benchmarks.OtlpSink}
 */
public final class OtlpSink {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bytes = new ConcurrentHashMap<>();

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
        long length = 0;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                length += n;
            }
        }
        requests.computeIfAbsent(path, p -> new LongAdder()).increment();
        bytes.computeIfAbsent(path, p -> new LongAdder()).add(length);
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        // -1: no body. An empty Export*ServiceResponse encodes to zero bytes and means "all accepted".
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void report() {
        requests.forEach((path, count) ->
                System.out.println("received " + path + " requests=" + count + " bytes=" + bytes.get(path)));
        System.out.flush();
    }
}
