package dev.kumo.server.tracing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OTLP/HTTP receiver on 127.0.0.1 for tests: {@code POST /v1/traces} with an
 * {@code application/x-protobuf} {@code ExportTraceServiceRequest}, decoded with OpenTelemetry's own proto classes,
 * answered as a collector does (200, an empty {@code ExportTraceServiceResponse}); anything else gets 404/415.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span, ids in lower-case hex as W3C writes them; {@code parentSpanId} empty for a root. */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind,
            String service, Span raw) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", exchange -> {
                try (exchange; InputStream body = exchange.getRequestBody()) {
                    byte[] bytes = body.readAllBytes();
                    String type = exchange.getRequestHeaders().getFirst("Content-Type");
                    if (!exchange.getRequestMethod().equals("POST")
                            || !exchange.getRequestURI().getPath().equals("/v1/traces")) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    receiver.contentTypes.add(String.valueOf(type));
                    if (type == null || !type.startsWith("application/x-protobuf")) {
                        exchange.sendResponseHeaders(415, -1);
                        return;
                    }
                    receiver.receive(ExportTraceServiceRequest.parseFrom(bytes));
                    byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint to export to: {@code http://127.0.0.1:PORT/v1/traces}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
    }

    /** Every span received so far. */
    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The Content-Type of every export request. */
    public List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    private void receive(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(attribute -> attribute.getValue().getStringValue()).findFirst().orElse("");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(new ReceivedSpan(hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(),
                            service, span));
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
