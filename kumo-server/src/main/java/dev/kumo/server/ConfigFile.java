package dev.kumo.server;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kumo.api.messaging.ChannelTemplate;
import dev.kumo.common.config.YamlConfigFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The optional server configuration file ({@code --config FILE}), YAML with kebab-case keys; every key can also be
 * given as a flag, and flags win.
 */
record ConfigFile(
        @JsonProperty("data-dir") String dataDir,
        @JsonProperty("api-addr") String apiAddr,
        @JsonProperty("ingress-addr") String ingressAddr,
        @JsonProperty("store") String store,
        @JsonProperty("store-sync") String storeSync,
        @JsonProperty("require-token") Boolean requireToken,
        @JsonProperty("domain") String domain,
        @JsonProperty("progress-deadline") String progressDeadline,
        @JsonProperty("autoscaler") Map<String, String> autoscaler,
        @JsonProperty("eventing-addr") String eventingAddr,
        @JsonProperty("eventing-max-in-flight") Integer eventingMaxInFlight,
        @JsonProperty("apiserversource-cross-namespace") Boolean apiServerSourceCrossNamespace,
        @JsonProperty("default-ch-config") ChannelDefaults defaultChConfig,
        @JsonProperty("insecure-no-auth") Boolean insecureNoAuth,
        @JsonProperty("allowed-origins") List<String> allowedOrigins,
        @JsonProperty("header-read-timeout") String headerReadTimeout,
        @JsonProperty("idle-timeout") String idleTimeout,
        @JsonProperty("runtimes") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> runtimes,
        @JsonProperty("default-runtime") String defaultRuntime,
        @JsonProperty("podman-socket") String podmanSocket,
        @JsonProperty("registries-skipping-tag-resolving")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> registriesSkippingTagResolving,
        @JsonProperty("trace-sampling") Double traceSampling,
        @JsonProperty("otlp-endpoint") String otlpEndpoint,
        @JsonProperty("recent-traces") Integer recentTraces,
        @JsonProperty("workload-log-max-size") String workloadLogMaxSize,
        @JsonProperty("workload-log-retention") String workloadLogRetention,
        @JsonProperty("router-engine") String routerEngine,
        @JsonProperty("router-transport") String routerTransport) {

    static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /**
     * Knative's {@code default-ch-webhook} {@code default-ch-config}: the channel kind Channels, Sequences and
     * Parallels get when they name none — their namespace's ({@code namespaceDefaults}), else {@code clusterDefault}.
     */
    record ChannelDefaults(@JsonProperty("clusterDefault") ChannelTemplate clusterDefault,
            @JsonProperty("namespaceDefaults") java.util.Map<String, ChannelTemplate> namespaceDefaults) {
    }

    /** Reads the file; an unknown key or a bad value is an error naming the key and the file. */
    static ConfigFile read(Path file) {
        return YamlConfigFile.read(file, ConfigFile.class).orElse(EMPTY);
    }
}
