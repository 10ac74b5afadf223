package dev.kumo.server;

import dev.kumo.dataplane.api.RouterEngine;
import dev.kumo.dataplane.api.RouterTransport;
import dev.kumo.api.messaging.ChannelDefaults;
import dev.kumo.api.messaging.ChannelTemplate;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.GoDuration;
import dev.kumo.controller.serving.ServingControllerConfig;
import dev.kumo.http.ListenerLimits;
import dev.kumo.server.logging.LogFormat;
import dev.kumo.server.tracing.TracingConfig;
import dev.kumo.serving.RuntimeSettings;
import dev.kumo.serving.images.ImageDigests;
import dev.kumo.serving.warmup.WarmupSettings;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo server}: starts the platform in this process and runs until SIGTERM or Ctrl-C. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Start the Kumo platform (API server and store) in the foreground.")
public final class ServerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where state is kept (default: $XDG_DATA_HOME/kumo or ~/.local/share/kumo).")
    Path dataDir;

    @Option(names = "--api-addr", paramLabel = "HOST:PORT",
            description = "API server address (default: 127.0.0.1:7780; port 0 picks a free port).")
    String apiAddr;

    @Option(names = "--ingress-addr", paramLabel = "HOST:PORT",
            description = "Ingress router address (default: 127.0.0.1:8080).")
    String ingressAddr;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file; flags override it.")
    Path config;

    @Option(names = "--store", paramLabel = "sqlite|memory",
            description = "sqlite (durable, default) or memory (nothing survives a restart).")
    String store;

    @Option(names = "--serving", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run Serving: controllers, process runtime and router (default). --no-serving runs only "
                    + "the API server and the store (what the API benchmark measures).")
    boolean serving;

    @Option(names = "--eventing", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run Eventing: the durable event mesh and the Broker, Trigger and source controllers "
                    + "(default). --no-eventing leaves eventing objects stored but inert.")
    boolean eventing;

    @Option(names = "--eventing-addr", paramLabel = "HOST:PORT",
            description = "Brokers' ingress address; Brokers answer at http://HOST:PORT/NAMESPACE/NAME (default: "
                    + "127.0.0.1:8081, fixed so Broker URLs stay the same across restarts).")
    String eventingAddr;

    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "Domain of Route URLs, http://NAME.NAMESPACE.DOMAIN:PORT (default: localhost, which "
                    + "resolves to loopback).")
    String domain;

    @Option(names = "--progress-deadline", paramLabel = "DURATION",
            description = "How long a Revision's instances may take to become ready before it fails, unless its "
                    + "template sets serving.knative.dev/progress-deadline (default: 120s; Knative's is 600s).")
    String progressDeadline;

    @Option(names = "--require-token", description = "Accepted for old command lines: the bearer token (and HTTPS "
            + "with a self-signed certificate kept in the data directory, tls/ca.crt) is required by default now.")
    Boolean requireToken;

    @Option(names = "--insecure-no-auth", description = "Serve the API without the token, over plain HTTP, on "
            + "loopback only: any local user and any program of yours can then run commands as you. For a "
            + "throw-away dev server; refused with an --api-addr beyond loopback.")
    Boolean insecureNoAuth;

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN", description = "A web origin (scheme://host[:port]) "
            + "whose pages may call the API; repeatable. Requests carrying any other Origin are refused.")
    List<String> allowedOrigins;

    @Option(names = "--podman-socket", paramLabel = "PATH", description = "The unix socket of a running podman "
            + "service (podman system service) for the container runtime. Default: Kumo starts its own, with its "
            + "containers.conf under the data directory, when the first image runs.")
    Path podmanSocket;

    @Option(names = "--router-engine", paramLabel = "vertx|netty", description = "What serves the ingress port: "
            + "netty (default), a Netty front that forwards plain HTTP/1.x requests to ready instances itself and "
            + "relays the rest (h2c, WebSocket, held requests) to the Vert.x router; or vertx, the Vert.x router "
            + "alone.")
    String routerEngine;

    @Option(names = "--router-transport", paramLabel = "auto|io_uring|epoll", description = "What the Netty front's "
            + "own event loops run on: auto (default), io_uring where the kernel allows it (else epoll, the reason "
            + "logged at start); io_uring (an error where it cannot be used); or epoll.")
    String routerTransport;

    @Option(names = "--trace-sampling", paramLabel = "RATIO", description = "The share of new traces recorded, 0 "
            + "to 1, parent-based: a request or event arriving with a sampled traceparent is always recorded "
            + "(default: 1; 0 turns tracing off). The latest traces are kept in memory: kumo trace list.")
    Double traceSampling;

    @Option(names = "--otlp-endpoint", paramLabel = "URL", description = "Also export spans over OTLP/HTTP "
            + "(protobuf) to URL, e.g. http://127.0.0.1:4318/v1/traces (default: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, "
            + "else OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces, else none).")
    String otlpEndpoint;

    @Option(names = "--warmup", negatable = true, arity = "0..1", defaultValue = "true", fallbackValue = "true",
            converter = WarmupSwitch.class,
            description = "Once ready, run up to 300 synthetic cold starts in the background (private copies of the "
                    + "router and autoscaler, nothing stored or shown; ~1-2 s of CPU, yielding to user traffic) so "
                    + "that the first real ones run compiled code (default). --warmup=false or --no-warmup: off.")
    boolean warmup;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text", description = "The server log "
            + "on stderr: text (date, time and zone, level, logger, message) or json (one object per line: ts, level, "
            + "logger, msg, and namespace, name, kind, revision, trace_id where known).")
    LogFormat logFormat;

    /** Where OpenTelemetry's OTEL_* variables are read (the process environment; tests set their own). */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        logFormat.apply();
        ServerConfig settings = settings();
        KumoServer server = KumoServer.start(settings);
        if (server.token().isEmpty()) {
            System.err.print(InsecureWarning.text(server.apiUrl()));
            System.err.flush();
        }
        // JVM uptime: the process start instant from /proc is only as precise as the boot time (whole seconds).
        Duration startup = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.println("kumo: api listening on " + server.apiScheme() + "://" + settings.apiAddress().host()
                + ":" + server.apiPort());
        if (server.eventing()) {
            System.out.println("kumo: eventing listening on http://" + settings.eventing().address().host() + ":"
                    + server.eventingPort() + " (brokers answer at http://" + settings.eventing().address().host() + ":"
                    + server.eventingPort() + "/NAMESPACE/NAME)");
        } else {
            System.out.println("kumo: eventing is off (--no-eventing): Brokers, Triggers and sources are stored only");
        }
        if (server.serving()) {
            System.out.println("kumo: ingress listening on http://" + settings.ingressAddress().host() + ":"
                    + server.ingressPort() + " (services answer at http://NAME.NAMESPACE.localhost:"
                    + server.ingressPort() + ")");
        } else {
            System.out.println("kumo: serving is off (--no-serving): API server and store only");
        }
        System.out.println("kumo: data in " + settings.dataDir() + " (" + settings.store() + " store)"
                + server.token().map(t -> ", bearer token required (see " + settings.dataDir() + "/token)")
                        .orElse(""));
        server.caCertificate().ifPresent(ca -> System.out.println("kumo: TLS certificate "
                + (server.certificateCreated() ? "created in " : "in ") + ca + "; clients trust it with "
                + "--certificate-authority (the default for a local server), 'kumo kubeconfig --merge' for kubectl"));
        System.out.println("kumo: ready in " + startup.toMillis() + " ms; stop with Ctrl-C");
        warmUp(server);
        CountDownLatch stop = new CountDownLatch(1);
        for (String signal : new String[] {"TERM", "INT"}) {
            // An orderly stop on SIGTERM and Ctrl-C: close the API server and the store, then exit 0.
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stop.countDown());
        }
        stop.await();
        System.out.println("kumo: stopping");
        server.close();
        System.out.println("kumo: stopped");
        return 0;
    }

    /** Starts the start-up warm-up unless off; one {@code kumo: warm-up} line tells what it did, or why not. */
    private void warmUp(KumoServer server) {
        if (!warmup) {
            System.out.println("kumo: warm-up off (--warmup=false)");
        } else if (!server.serving()) {
            System.out.println("kumo: warm-up off (serving is off)");
        } else {
            server.startWarmup(WarmupSettings.DEFAULTS).ifPresent(running -> running.finished().thenAccept(
                    report -> System.out.println("kumo: warm-up done: " + report.line())));
        }
    }

    /** The settings from the flags over the config file over the defaults. */
    ServerConfig settings() {
        ConfigFile file = config == null ? ConfigFile.EMPTY : ConfigFile.read(config);
        String storeKind = first(store, file.store(), "sqlite");
        if (!storeKind.equals("sqlite") && !storeKind.equals("memory")) {
            throw new IllegalArgumentException("--store: invalid value \"" + storeKind + "\": want sqlite or memory");
        }
        String sync = first(null, file.storeSync(), "full");
        if (!sync.equals("full") && !sync.equals("normal")) {
            throw new IllegalArgumentException("store-sync: invalid value \"" + sync + "\": want full or normal");
        }
        ServerConfig settings = new ServerConfig(
                Optional.ofNullable(dataDir).or(() -> Optional.ofNullable(file.dataDir()).map(Path::of))
                        .orElseGet(ServerConfig::defaultDataDir),
                ServerConfig.HostPort.parse("--api-addr", first(apiAddr, file.apiAddr(), "127.0.0.1:7780")),
                ServerConfig.HostPort.parse("--ingress-addr", first(ingressAddr, file.ingressAddr(),
                        "127.0.0.1:8080")),
                storeKind, sync.equals("full"),
                !insecureNoAuth(file), serving, domain(first(domain, file.domain(), ServerConfig.DEFAULT_DOMAIN)),
                progressDeadline(first(progressDeadline, file.progressDeadline(), null)))
                .withAutoscaler(AutoscalerConfig.parse(file.autoscaler() == null ? java.util.Map.of() : file.autoscaler()))
                .withEventing(new EventingConfig(eventing, ServerConfig.HostPort.parse("--eventing-addr",
                        first(eventingAddr, file.eventingAddr(), ServerConfig.DEFAULT_EVENTING_ADDRESS.toString())),
                        file.eventingMaxInFlight() == null ? EventingConfig.DEFAULT_MAX_IN_FLIGHT
                                : file.eventingMaxInFlight(),
                        Boolean.TRUE.equals(file.apiServerSourceCrossNamespace()), defaultChannel(file)))
                .withAllowedOrigins(AllowedOrigins.parse(allowedOrigins != null ? allowedOrigins
                        : file.allowedOrigins() != null ? file.allowedOrigins() : List.of()))
                .withLimits(new ListenerLimits(
                        timeout("header-read-timeout", file.headerReadTimeout(),
                                ListenerLimits.DEFAULT_HEADER_READ_TIMEOUT),
                        timeout("idle-timeout", file.idleTimeout(), ListenerLimits.DEFAULT_IDLE_TIMEOUT)))
                .withRuntimes(RuntimeSettings.parse(Optional.ofNullable(file.runtimes()),
                        Optional.ofNullable(file.defaultRuntime())).withLogs(RuntimeSettings.parseLogs(
                                Optional.ofNullable(file.workloadLogMaxSize()),
                                Optional.ofNullable(file.workloadLogRetention()))))
                .withRegistriesSkippingTagResolving(Optional.ofNullable(file.registriesSkippingTagResolving())
                        .map(ServerCommand::registries).orElse(ImageDigests.KNATIVE_SKIPPED_REGISTRIES));
        settings = settings.withTracing(tracing(file))
                .withRouterEngine(Optional.ofNullable(routerEngine).or(() -> Optional.ofNullable(file.routerEngine()))
                        .map(RouterEngine::parse).orElse(RouterEngine.DEFAULT))
                .withRouterTransport(Optional.ofNullable(routerTransport)
                        .or(() -> Optional.ofNullable(file.routerTransport())).map(RouterTransport::parse)
                        .orElse(RouterTransport.DEFAULT));
        return Optional.ofNullable(podmanSocket).or(() -> Optional.ofNullable(file.podmanSocket()).map(Path::of))
                .map(settings::withPodmanSocket).orElse(settings);
    }

    /** Flags over the file over OpenTelemetry's environment variables over the defaults; OTEL_SDK_DISABLED=true: off. */
    private TracingConfig tracing(ConfigFile file) {
        if ("true".equalsIgnoreCase(environment.getOrDefault("OTEL_SDK_DISABLED", "").strip())) {
            return TracingConfig.OFF;
        }
        TracingConfig tracing = TracingConfig.DEFAULTS
                .withSamplingRatio(traceSampling != null ? traceSampling : file.traceSampling() != null
                        ? file.traceSampling() : TracingConfig.DEFAULT_SAMPLING_RATIO)
                .withRecentTraces(file.recentTraces() != null ? file.recentTraces()
                        : TracingConfig.DEFAULT_RECENT_TRACES);
        String endpoint = first(otlpEndpoint, file.otlpEndpoint(), null);
        if (endpoint != null) {
            try {
                return tracing.withOtlpEndpoint(new URI(endpoint.strip()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--otlp-endpoint: invalid value \"" + endpoint + "\": want a URL "
                        + "such as http://127.0.0.1:4318/v1/traces");
            }
        }
        return TracingConfig.endpointFromEnvironment(environment).map(tracing::withOtlpEndpoint).orElse(tracing);
    }

    /**
     * The {@code default-ch-config}: {@code clusterDefault} (InMemoryChannel when not configured) and
     * {@code namespaceDefaults}, each checked.
     */
    private static ChannelDefaults defaultChannel(ConfigFile file) {
        if (file.defaultChConfig() == null) {
            return ChannelDefaults.IN_MEMORY_CHANNEL;
        }
        ChannelTemplate cluster = file.defaultChConfig().clusterDefault() == null ? ChannelTemplate.IN_MEMORY_CHANNEL
                : checked(file.defaultChConfig().clusterDefault(), "default-ch-config.clusterDefault");
        Map<String, ChannelTemplate> namespaces = new java.util.TreeMap<>();
        Optional.ofNullable(file.defaultChConfig().namespaceDefaults()).orElse(Map.of()).forEach((namespace,
                template) -> namespaces.put(namespace, checked(template, "default-ch-config.namespaceDefaults."
                        + namespace)));
        return new ChannelDefaults(cluster, namespaces);
    }

    private static ChannelTemplate checked(ChannelTemplate template, String key) {
        if (template == null || template.apiVersion() == null || template.kind() == null) {
            throw new IllegalArgumentException(key + ": want apiVersion and kind, e.g. "
                    + "apiVersion: messaging.knative.dev/v1, kind: InMemoryChannel");
        }
        return template;
    }

    /** Knative's comma-separated registry list ({@code kind.local,ko.local}), or a YAML list of them. */
    private static Set<String> registries(List<String> values) {
        return values.stream().flatMap(value -> java.util.Arrays.stream(value.split(","))).map(String::strip)
                .filter(registry -> !registry.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Whether the token is turned off: {@code --insecure-no-auth} or {@code insecure-no-auth: true}, loopback only.
     * {@code --require-token}/{@code require-token} are accepted as the default they now are; asking for both is
     * an error, and {@code require-token: false} no longer turns the token off.
     */
    private boolean insecureNoAuth(ConfigFile file) {
        boolean insecure = Optional.ofNullable(insecureNoAuth).or(() -> Optional.ofNullable(file.insecureNoAuth()))
                .orElse(false);
        Optional<Boolean> require = Optional.ofNullable(requireToken).or(() -> Optional.ofNullable(file.requireToken()));
        if (insecure && require.orElse(false)) {
            throw new IllegalArgumentException("--insecure-no-auth and --require-token (or their config keys "
                    + "insecure-no-auth and require-token) contradict each other: drop one (the token is required "
                    + "by default)");
        }
        if (require.filter(r -> !r).isPresent() && !insecure) {
            System.err.println("kumo: require-token: false no longer turns the token off; the token is required by "
                    + "default (insecure-no-auth: true turns it off, on loopback only)");
        }
        String address = first(apiAddr, file.apiAddr(), "127.0.0.1:7780");
        if (insecure && !ServerConfig.HostPort.parse("--api-addr", address).isLoopback()) {
            throw new IllegalArgumentException("--insecure-no-auth: refused with --api-addr " + address + ", which is "
                    + "reachable beyond this machine: anyone there could run commands as you; bind to 127.0.0.1 or "
                    + "drop --insecure-no-auth");
        }
        return insecure;
    }

    private static Duration timeout(String key, String value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        return GoDuration.parse(value).filter(d -> !d.isNegative() && !d.isZero())
                .orElseThrow(() -> new IllegalArgumentException(key + ": invalid value \"" + value
                        + "\": want a positive duration such as " + fallback.toSeconds() + "s"));
    }

    private static Duration progressDeadline(String value) {
        if (value == null) {
            return ServingControllerConfig.DEFAULT_PROGRESS_DEADLINE;
        }
        return GoDuration.parse(value).filter(d -> !d.isNegative() && !d.isZero())
                .orElseThrow(() -> new IllegalArgumentException("--progress-deadline: invalid value \"" + value
                        + "\": want a positive duration such as 120s or 5m"));
    }

    private static String domain(String value) {
        if (!value.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("--domain: invalid value \"" + value + "\": want a lower-case DNS name "
                    + "such as localhost or kumo.example.com");
        }
        return value;
    }

    private static String first(String flag, String fromFile, String fallback) {
        return flag != null ? flag : fromFile != null ? fromFile : fallback;
    }
}
