package io.tlslens.agent.testing.apps;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * A service that makes its SSLContexts late, to attach TLSLens to before: it prints
 * {@code ready PROVIDER} (the provider of {@code SSLContext.getInstance("TLS")}), then, for each file
 * {@code request-ID} that appears in the control directory ({@code args[0]}), starts an HTTPS server
 * on the default SSLContext, sends it one request with a new {@code java.net.http.HttpClient}, prints
 * {@code request-ID default=PROVIDER status=STATUS} (or {@code request-ID failed EXCEPTION}) and
 * deletes the file.
 */
public final class LateContextApp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private LateContextApp() {
    }

    public static void main(String[] args) throws Exception {
        Path control = Paths.get(args[0]);
        System.out.println("ready " + SSLContext.getInstance("TLS").getProvider().getName());
        while (true) {
            try (DirectoryStream<Path> requests = Files.newDirectoryStream(control, "request-*")) {
                for (Path request : requests) {
                    String id = request.getFileName().toString();
                    try {
                        System.out.println(id + " " + exchange());
                    } catch (Exception e) {
                        System.out.println(id + " failed " + e);
                    }
                    Files.delete(request);
                }
            }
            Thread.sleep(50);
        }
    }

    private static String exchange() throws Exception {
        SSLContext context = SSLContext.getDefault();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + server.getAddress().getPort() + "/"))
                            .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return "default=" + context.getProvider().getName() + " status=" + response.statusCode();
        } finally {
            server.stop(0);
        }
    }
}
