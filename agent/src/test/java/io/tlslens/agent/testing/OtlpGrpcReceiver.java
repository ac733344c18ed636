package io.tlslens.agent.testing;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * OTLP over gRPC ({@code grpc}): the TraceService, MetricsService and LogsService Export calls, served by grpc-java on
 * Netty with plaintext HTTP/2 as a collector's default OTLP port does. The service stubs come with the
 * opentelemetry-proto artifact; gzip message compression is handled by gRPC itself.
 */
public final class OtlpGrpcReceiver extends OtlpReceiver {
    private final Server server;

    private OtlpGrpcReceiver() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new TraceServiceGrpc.TraceServiceImplBase() {
                    @Override
                    public void export(ExportTraceServiceRequest request,
                            StreamObserver<ExportTraceServiceResponse> response) {
                        store().add(request);
                        reply(response, ExportTraceServiceResponse.getDefaultInstance());
                    }
                })
                .addService(new MetricsServiceGrpc.MetricsServiceImplBase() {
                    @Override
                    public void export(ExportMetricsServiceRequest request,
                            StreamObserver<ExportMetricsServiceResponse> response) {
                        store().add(request);
                        reply(response, ExportMetricsServiceResponse.getDefaultInstance());
                    }
                })
                .addService(new LogsServiceGrpc.LogsServiceImplBase() {
                    @Override
                    public void export(ExportLogsServiceRequest request,
                            StreamObserver<ExportLogsServiceResponse> response) {
                        store().add(request);
                        reply(response, ExportLogsServiceResponse.getDefaultInstance());
                    }
                })
                .build()
                .start();
    }

    public static OtlpGrpcReceiver start() {
        try {
            return new OtlpGrpcReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OTLP/gRPC receiver", e);
        }
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public String protocol() {
        return GRPC;
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
