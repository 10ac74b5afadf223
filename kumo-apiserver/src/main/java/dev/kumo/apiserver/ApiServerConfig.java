package dev.kumo.apiserver;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.http.ListenerLimits;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the API server listens and what it accepts.
 *
 * @param host the address to bind, loopback by default
 * @param port the port; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted (Kubernetes' limit is 3 MiB)
 * @param token the bearer token every request must carry, when set
 * @param tls the certificate to serve HTTPS with, when set; plain HTTP otherwise
 * @param metrics what {@code GET /metrics} answers, when set; 404 otherwise
 * @param autoscaling what {@code GET …/revisions/NAME/autoscaling} answers, when set; 404 otherwise
 * @param access the {@code Host} names and web origins accepted besides loopback ({@link AccessRules})
 * @param limits how long slow clients are waited for (header read, idle)
 * @param traces what {@code GET /debug/traces[/ID]} answers, when set; 404 otherwise
 * @param logs the kinds besides Revision and Pod whose objects serve a {@code log} subresource (a BuildRun's), and
 *     where it is read from
 * @param usage what {@code GET /apis/usage.kumo.dev/v1alpha1/[namespaces/NS/]usage} answers, when set; 404 otherwise
 * @param activity what {@code GET /apis/serving.kumo.dev/v1alpha1/[namespaces/NS/]activity} answers, when set; 404
 *     otherwise
 * @param deliveries what {@code GET /debug/deliveries} answers, when set; 404 otherwise
 */
public record ApiServerConfig(String host, int port, int maxBodyBytes, Optional<String> token,
        Optional<TlsKeystore> tls, Optional<MetricsScrape> metrics, Optional<RevisionAutoscalingView> autoscaling,
        AccessRules access, ListenerLimits limits, Optional<TraceView> traces, Map<ResourceType, RevisionLogs> logs,
        Optional<UsageView> usage, Optional<ActivityView> activity,
        Optional<DeliveryCountsView> deliveries) {

    public ApiServerConfig {
        logs = Map.copyOf(logs);
    }

    /** No kind's {@code log} but a Revision's and a Pod's. */
    public ApiServerConfig(String host, int port, int maxBodyBytes, Optional<String> token,
            Optional<TlsKeystore> tls, Optional<MetricsScrape> metrics, Optional<RevisionAutoscalingView> autoscaling,
            AccessRules access, ListenerLimits limits, Optional<TraceView> traces) {
        this(host, port, maxBodyBytes, token, tls, metrics, autoscaling, access, limits, traces, Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static final int DEFAULT_PORT = 7780;
    public static final int DEFAULT_MAX_BODY_BYTES = 3 * 1024 * 1024;

    /** Loopback clients only ({@link AccessRules#LOOPBACK}). */
    public ApiServerConfig(String host, int port, int maxBodyBytes, Optional<String> token,
            Optional<TlsKeystore> tls, Optional<MetricsScrape> metrics, Optional<RevisionAutoscalingView> autoscaling) {
        this(host, port, maxBodyBytes, token, tls, metrics, autoscaling, AccessRules.LOOPBACK,
                ListenerLimits.DEFAULTS);
    }

    /** Without {@code /debug/traces}. */
    public ApiServerConfig(String host, int port, int maxBodyBytes, Optional<String> token,
            Optional<TlsKeystore> tls, Optional<MetricsScrape> metrics, Optional<RevisionAutoscalingView> autoscaling,
            AccessRules access, ListenerLimits limits) {
        this(host, port, maxBodyBytes, token, tls, metrics, autoscaling, access, limits, Optional.empty());
    }

    /** Without Revisions' {@code autoscaling}. */
    public ApiServerConfig(String host, int port, int maxBodyBytes, Optional<String> token,
            Optional<TlsKeystore> tls, Optional<MetricsScrape> metrics) {
        this(host, port, maxBodyBytes, token, tls, metrics, Optional.empty());
    }

    /** Without {@code /metrics} and Revisions' {@code autoscaling}. */
    public ApiServerConfig(String host, int port, int maxBodyBytes, Optional<String> token,
            Optional<TlsKeystore> tls) {
        this(host, port, maxBodyBytes, token, tls, Optional.empty());
    }

    /** Loopback, the given port, the default body limit, no token, plain HTTP, no metrics. */
    public static ApiServerConfig loopback(int port) {
        return new ApiServerConfig("127.0.0.1", port, DEFAULT_MAX_BODY_BYTES, Optional.empty(), Optional.empty());
    }

    /** The same, serving {@code metrics} at {@code GET /metrics}. */
    public ApiServerConfig withMetrics(MetricsScrape metrics) {
        return new ApiServerConfig(host, port, maxBodyBytes, token, tls, Optional.of(metrics), autoscaling, access,
                limits, traces, logs, usage, activity, deliveries);
    }

    /** The same, serving {@code GET …/revisions/NAME/autoscaling} from {@code autoscaling}. */
    public ApiServerConfig withAutoscaling(RevisionAutoscalingView autoscaling) {
        return new ApiServerConfig(host, port, maxBodyBytes, token, tls, metrics, Optional.of(autoscaling), access,
                limits, traces, logs, usage, activity, deliveries);
    }

    /** The same, accepting the {@code Host} names and web origins of {@code access} besides loopback. */
    public ApiServerConfig withAccess(AccessRules access) {
        return new ApiServerConfig(host, port, maxBodyBytes, token, tls, metrics, autoscaling, access, limits,
                traces, logs, usage, activity, deliveries);
    }

    /** The same, waiting for slow clients as {@code limits} says. */
    public ApiServerConfig withLimits(ListenerLimits limits) {
        return new ApiServerConfig(host, port, maxBodyBytes, token, tls, metrics, autoscaling, access, limits,
                traces, logs, usage, activity, deliveries);
    }

    /** The same, serving the recent traces of {@code traces} at {@code GET /debug/traces[/ID]}. */
    public ApiServerConfig withTraces(TraceView traces) {
        return new ApiServerConfig(host, port, maxBodyBytes, token, tls, metrics, autoscaling, access, limits,
                Optional.of(traces), logs, usage, activity, deliveries);
    }

    /** The same, serving the metered usage of {@code usage} at {@code GET /apis/usage.kumo.dev/v1alpha1/…usage}. */
    public ApiServerConfig withUsage(UsageView usage) {
        return new ApiServerConfig(host, port, maxBodyBytes, token, tls, metrics, autoscaling, access, limits, traces,
                logs, Optional.of(usage), activity, deliveries);
    }

    /** The same, serving the Revisions' recent activity of {@code activity} at {@code GET /apis/serving.kumo.dev/…}. */
    public ApiServerConfig withActivity(ActivityView activity) {
        return new ApiServerConfig(host, port, maxBodyBytes, token, tls, metrics, autoscaling, access, limits, traces,
                logs, usage, Optional.of(activity), deliveries);
    }

    /** The same, serving the delivery counts per Trigger and Subscription of {@code deliveries} at /debug/deliveries. */
    public ApiServerConfig withDeliveries(DeliveryCountsView deliveries) {
        return new ApiServerConfig(host, port, maxBodyBytes, token, tls, metrics, autoscaling, access, limits, traces,
                logs, usage, activity, Optional.of(deliveries));
    }

    /** The same, serving {@code GET …/PLURAL/NAME/log[?follow&tailLines]} of {@code type}'s objects from {@code from}. */
    public ApiServerConfig withLogs(ResourceType type, RevisionLogs from) {
        Map<ResourceType, RevisionLogs> more = new HashMap<>(logs);
        more.put(type, from);
        return new ApiServerConfig(host, port, maxBodyBytes, token, tls, metrics, autoscaling, access, limits, traces,
                more, usage, activity, deliveries);
    }
}
