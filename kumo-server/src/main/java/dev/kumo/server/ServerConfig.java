package dev.kumo.server;

import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.controller.serving.ServingControllerConfig;
import dev.kumo.dataplane.api.RouterEngine;
import dev.kumo.dataplane.api.RouterTransport;
import dev.kumo.http.ListenerLimits;
import dev.kumo.serving.RuntimeSettings;
import dev.kumo.serving.images.ImageDigests;
import dev.kumo.server.tracing.TracingConfig;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The server's settings, one immutable snapshot: from flags, over the optional config file, over the defaults.
 *
 * @param dataDir where the store, the token and the lock live
 * @param apiAddress the API server's host:port
 * @param ingressAddress the ingress router's host:port (used once Serving runs workloads)
 * @param store {@code sqlite} (durable, the default) or {@code memory}
 * @param durableSync whether SQLite fsyncs every commit ({@code synchronous=FULL})
 * @param requireToken whether every API request must carry the bearer token (and the API serves HTTPS); false only
 *     with {@code --insecure-no-auth}, and even then the token is required when the API is bound beyond loopback
 * @param serving whether Serving runs (controllers, runtime, router); without it Kumo is the API and the store
 *     only, which is what the API benchmark measures
 * @param domain the domain of Route URLs, {@code http://NAME.NAMESPACE.DOMAIN:PORT}
 * @param progressDeadline how long a Revision's instances may take to become ready before the Revision fails,
 *     unless its template says otherwise ({@code serving.knative.dev/progress-deadline})
 * @param autoscaler the autoscaler's defaults (Knative's config-autoscaler) and how often it decides
 * @param eventing whether and how Eventing runs
 * @param allowedOrigins the web origins whose pages may call the API (none by default)
 * @param limits how long the API server, the router and the brokers' ingress wait for slow clients
 * @param runtimes the runtimes that run workloads and the default one (config keys {@code runtimes},
 *     {@code default-runtime})
 * @param podmanSocket the socket of a running podman service for the container runtime ({@code --podman-socket});
 *     empty: Kumo starts its own when the first image runs
 * @param registriesSkippingTagResolving registries whose image tags are run as written, not resolved to a digest
 *     when a Revision is created (config key {@code registries-skipping-tag-resolving}, Knative's config-deployment)
 * @param tracing sampling, OTLP export and the recent traces kept in memory ({@code --trace-sampling},
 *     {@code --otlp-endpoint}, config keys {@code trace-sampling}, {@code otlp-endpoint}, {@code recent-traces})
 * @param routerEngine what serves the ingress port ({@code --router-engine}, config key {@code router-engine})
 * @param routerTransport what the Netty front's own event loops run on ({@code --router-transport}, config key
 *     {@code router-transport})
 */
public record ServerConfig(Path dataDir, HostPort apiAddress, HostPort ingressAddress, String store,
        boolean durableSync, boolean requireToken, boolean serving, String domain, Duration progressDeadline,
        AutoscalerConfig autoscaler, EventingConfig eventing, Set<String> allowedOrigins, ListenerLimits limits,
        RuntimeSettings runtimes, Optional<Path> podmanSocket,
        Set<String> registriesSkippingTagResolving, TracingConfig tracing, RouterEngine routerEngine,
        RouterTransport routerTransport) {

    /** Brokers keep their URL across restarts on a fixed port; tests and embedders pass port 0. */
    public static final HostPort DEFAULT_EVENTING_ADDRESS = new HostPort("127.0.0.1", 8081);

    /** Routes are reached as NAME.NAMESPACE.localhost, which curl and browsers resolve to loopback. */
    public static final String DEFAULT_DOMAIN = "localhost";

    public ServerConfig {
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(podmanSocket, "podmanSocket");
        registriesSkippingTagResolving = Set.copyOf(registriesSkippingTagResolving);
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(routerEngine, "routerEngine");
        Objects.requireNonNull(routerTransport, "routerTransport");
        if (progressDeadline.isNegative() || progressDeadline.isZero()) {
            throw new IllegalArgumentException("progress-deadline: invalid value " + progressDeadline
                    + ": want a positive duration such as 120s");
        }
    }

    /** Settings that let no web origin call the API, with the default {@link ListenerLimits}. */
    public ServerConfig(Path dataDir, HostPort apiAddress, HostPort ingressAddress, String store, boolean durableSync,
            boolean requireToken, boolean serving, String domain, Duration progressDeadline,
            AutoscalerConfig autoscaler, EventingConfig eventing) {
        this(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain, progressDeadline,
                autoscaler, eventing, Set.of(), ListenerLimits.DEFAULTS, RuntimeSettings.DEFAULTS, Optional.empty(),
                ImageDigests.KNATIVE_SKIPPED_REGISTRIES, TracingConfig.DEFAULTS, RouterEngine.DEFAULT,
                RouterTransport.DEFAULT);
    }

    /** Settings with Knative's autoscaler defaults and Eventing on any free loopback port. */
    public ServerConfig(Path dataDir, HostPort apiAddress, HostPort ingressAddress, String store, boolean durableSync,
            boolean requireToken, boolean serving, String domain, Duration progressDeadline) {
        this(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain, progressDeadline,
                AutoscalerConfig.KNATIVE, EventingConfig.on(new HostPort("127.0.0.1", 0)));
    }

    /** Settings with the default progress deadline. */
    public ServerConfig(Path dataDir, HostPort apiAddress, HostPort ingressAddress, String store, boolean durableSync,
            boolean requireToken, boolean serving, String domain) {
        this(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                ServingControllerConfig.DEFAULT_PROGRESS_DEADLINE);
    }

    /** Settings with Serving running under the default domain. */
    public ServerConfig(Path dataDir, HostPort apiAddress, HostPort ingressAddress, String store, boolean durableSync,
            boolean requireToken) {
        this(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, true, DEFAULT_DOMAIN);
    }

    /** These settings with another default progress deadline. */
    public ServerConfig withProgressDeadline(Duration value) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                value, autoscaler, eventing, allowedOrigins, limits, runtimes, podmanSocket,
                registriesSkippingTagResolving, tracing, routerEngine,
                routerTransport);
    }

    /** These settings with other autoscaler settings. */
    public ServerConfig withAutoscaler(AutoscalerConfig value) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                progressDeadline, value, eventing, allowedOrigins, limits, runtimes, podmanSocket,
                registriesSkippingTagResolving, tracing, routerEngine,
                routerTransport);
    }

    /** These settings with other Eventing settings. */
    public ServerConfig withEventing(EventingConfig value) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                progressDeadline, autoscaler, value, allowedOrigins, limits, runtimes, podmanSocket,
                registriesSkippingTagResolving, tracing, routerEngine,
                routerTransport);
    }

    /** These settings with other web origins allowed to call the API. */
    public ServerConfig withAllowedOrigins(Set<String> value) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                progressDeadline, autoscaler, eventing, value, limits, runtimes, podmanSocket,
                registriesSkippingTagResolving, tracing, routerEngine,
                routerTransport);
    }

    /** These settings with other limits for slow clients. */
    public ServerConfig withLimits(ListenerLimits value) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                progressDeadline, autoscaler, eventing, allowedOrigins, value, runtimes, podmanSocket,
                registriesSkippingTagResolving, tracing, routerEngine,
                routerTransport);
    }

    /** These settings with other runtimes on, or another default one. */
    public ServerConfig withRuntimes(RuntimeSettings value) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                progressDeadline, autoscaler, eventing, allowedOrigins, limits, value, podmanSocket,
                registriesSkippingTagResolving, tracing, routerEngine,
                routerTransport);
    }

    /** These settings using the podman service at {@code socket} instead of starting one. */
    public ServerConfig withPodmanSocket(Path socket) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                progressDeadline, autoscaler, eventing, allowedOrigins, limits, runtimes, Optional.of(socket),
                registriesSkippingTagResolving, tracing, routerEngine,
                routerTransport);
    }

    /** These settings with other registries whose image tags are not resolved to digests. */
    public ServerConfig withRegistriesSkippingTagResolving(Set<String> value) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                progressDeadline, autoscaler, eventing, allowedOrigins, limits, runtimes, podmanSocket, value,
                tracing, routerEngine,
                routerTransport);
    }

    /** These settings tracing as {@code value} says. */
    public ServerConfig withTracing(TracingConfig value) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                progressDeadline, autoscaler, eventing, allowedOrigins, limits, runtimes, podmanSocket,
                registriesSkippingTagResolving, value, routerEngine,
                routerTransport);
    }

    /** These settings serving the ingress port with {@code value}. */
    public ServerConfig withRouterEngine(RouterEngine value) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                progressDeadline, autoscaler, eventing, allowedOrigins, limits, runtimes, podmanSocket,
                registriesSkippingTagResolving, tracing, value, routerTransport);
    }

    /** These settings running the Netty front's event loops on {@code value}. */
    public ServerConfig withRouterTransport(RouterTransport value) {
        return new ServerConfig(dataDir, apiAddress, ingressAddress, store, durableSync, requireToken, serving, domain,
                progressDeadline, autoscaler, eventing, allowedOrigins, limits, runtimes, podmanSocket,
                registriesSkippingTagResolving, tracing, routerEngine, value);
    }

    /** A host and a port; port 0 means any free port. */
    public record HostPort(String host, int port) {

        /** Parses {@code host:port} (or {@code :port}, meaning loopback); the field name goes in errors. */
        public static HostPort parse(String flag, String value) {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(flag + ": invalid value \"" + value
                        + "\": want HOST:PORT, e.g. 127.0.0.1:7780 (port 0 picks a free one)");
            }
            String host = colon == 0 ? "127.0.0.1" : value.substring(0, colon);
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostPort(host, port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + ": invalid port in \"" + value
                        + "\": want a number from 0 to 65535");
            }
        }

        /** Whether only this machine can reach the address. */
        public boolean isLoopback() {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** The default data directory: {@code $XDG_DATA_HOME/kumo}, else {@code ~/.local/share/kumo}. */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "share")
                : Path.of(xdg);
        return base.resolve("kumo");
    }
}
