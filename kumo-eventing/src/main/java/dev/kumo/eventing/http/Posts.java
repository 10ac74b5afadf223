package dev.kumo.eventing.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

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
        if (!isPlainHttp(target)) {
            return client.postAbs(target.toString());
        }
        String host = target.getHost();
        int port = port(target);
        if (!isLocalhostName(host)) {
            // As postAbs would send it, without parsing the URI again on every request.
            return client.request(HttpMethod.POST, port, host, pathAndQuery(target));
        }
        return client.request(HttpMethod.POST, SocketAddress.inetSocketAddress(port, LOOPBACK), port, host,
                pathAndQuery(target));
    }

    /**
     * The same POST as {@link #to} for Vert.x's core client, when {@code target} is plain HTTP (no user info, no
     * IPv6 literal); empty for any other, which goes through {@link #to}.
     */
    public static Optional<RequestOptions> plain(URI target) {
        if (!isPlainHttp(target)) {
            return Optional.empty();
        }
        String host = target.getHost();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port(target))
                .setURI(pathAndQuery(target));
        if (isLocalhostName(host)) {
            options.setServer(SocketAddress.inetSocketAddress(port(target), LOOPBACK));
        }
        return Optional.of(options);
    }

    private static boolean isPlainHttp(URI target) {
        String host = target.getHost();
        return "http".equalsIgnoreCase(target.getScheme()) && host != null && target.getRawUserInfo() == null
                && host.indexOf(':') < 0;
    }

    private static int port(URI target) {
        return target.getPort() < 0 ? 80 : target.getPort();
    }

    private static String pathAndQuery(URI target) {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
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
