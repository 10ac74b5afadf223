package dev.kumo.eventing.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.util.Locale;

/**
 * POST requests to event destinations. A plain-HTTP host under {@code .localhost} (Kumo's Route and Service URLs,
 * {@code http://NAME.NAMESPACE.localhost:PORT}) is connected to on 127.0.0.1 with its name kept in the
 * {@code Host} header: RFC 6761 §6.3 makes such names loopback, but the JVM's and Vert.x's resolvers only know
 * {@code localhost} itself.
 */
public final class Posts {

    private static final String LOOPBACK = "127.0.0.1";

    private Posts() {
    }

    /** A POST of {@code target} on {@code client}. */
    public static HttpRequest<Buffer> to(WebClient client, URI target) {
        String host = target.getHost();
        if (!"http".equalsIgnoreCase(target.getScheme()) || host == null || target.getRawUserInfo() != null
                || host.indexOf(':') >= 0) {
            return client.postAbs(target.toString());
        }
        int port = target.getPort() < 0 ? 80 : target.getPort();
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String pathAndQuery = target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
        if (!isLocalhostName(host)) {
            // As postAbs would send it, without parsing the URI again on every request.
            return client.request(HttpMethod.POST, port, host, pathAndQuery);
        }
        return client.request(HttpMethod.POST, SocketAddress.inetSocketAddress(port, LOOPBACK), port, host,
                pathAndQuery);
    }

    /** Whether {@code host} is a name under {@code localhost.} (the name itself resolves normally). */
    static boolean isLocalhostName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.endsWith(".localhost");
    }
}
