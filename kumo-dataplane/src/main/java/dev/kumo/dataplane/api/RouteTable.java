package dev.kumo.dataplane.api;

import dev.kumo.autoscaler.metrics.RevisionId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of every route the router serves: per host (lower case, without port) its weighted
 * targets summing to 100, plus per-revision settings. The controller builds a new one and hands it to
 * {@link Router#update(RouteTable)}.
 */
public final class RouteTable {

    private static final RouteTable EMPTY = new RouteTable(Map.of(), Map.of());

    private final Map<String, List<WeightedTarget>> hosts;
    private final Map<RevisionId, RevisionSettings> settings;

    private RouteTable(Map<String, List<WeightedTarget>> hosts, Map<RevisionId, RevisionSettings> settings) {
        this.hosts = Map.copyOf(hosts);
        this.settings = Map.copyOf(settings);
    }

    /** A table with no routes: every request gets 404. */
    public static RouteTable empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every host with a route, lower case. */
    public Set<String> hosts() {
        return hosts.keySet();
    }

    /** The targets of {@code host} (matched case-insensitively, without port). */
    public Optional<List<WeightedTarget>> targets(String host) {
        return Optional.ofNullable(hosts.get(normalize(host)));
    }

    /** The settings of {@code revision}, or {@link RevisionSettings#DEFAULTS} when none were given. */
    public RevisionSettings settings(RevisionId revision) {
        return settings.getOrDefault(revision, RevisionSettings.DEFAULTS);
    }

    static String normalize(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "RouteTable" + hosts;
    }

    /** Collects hosts and revision settings; {@link #build()} checks that each host's percents sum to 100. */
    public static final class Builder {

        private final Map<String, List<WeightedTarget>> hosts = new LinkedHashMap<>();
        private final Map<RevisionId, RevisionSettings> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /** Routes {@code host} to {@code targets}; their percents must sum to 100. */
        public Builder host(String host, List<WeightedTarget> targets) {
            if (host.isBlank() || host.indexOf(':') >= 0) {
                throw new IllegalArgumentException("route host \"" + host + "\" must be a non-empty name without port");
            }
            int sum = targets.stream().mapToInt(WeightedTarget::percent).sum();
            if (sum != 100) {
                throw new IllegalArgumentException("traffic targets of host \"" + host + "\" sum to " + sum
                        + ", want 100");
            }
            if (hosts.putIfAbsent(normalize(host), List.copyOf(targets)) != null) {
                throw new IllegalArgumentException("route host \"" + host + "\" is given twice");
            }
            return this;
        }

        /** Routes {@code host} entirely to {@code revision} (a tag host, or a single-revision service). */
        public Builder host(String host, RevisionId revision) {
            return host(host, List.of(new WeightedTarget(revision, 100)));
        }

        /** Sets what the router enforces for {@code revision}. */
        public Builder revision(RevisionId revision, RevisionSettings revisionSettings) {
            settings.put(revision, revisionSettings);
            return this;
        }

        public RouteTable build() {
            return new RouteTable(hosts, settings);
        }
    }
}
