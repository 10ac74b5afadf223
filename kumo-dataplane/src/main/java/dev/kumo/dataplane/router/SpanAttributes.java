package dev.kumo.dataplane.router;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute keys of the router's spans (OpenTelemetry's HTTP semantic conventions, and {@code kumo.revision}).
 * Performance: built once; a span builder's {@code setAttribute(String, …)} makes a new key on every call.
 */
final class SpanAttributes {

    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("network.protocol.version");
    static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> REVISION = AttributeKey.stringKey("kumo.revision");

    private SpanAttributes() {
    }
}
