package dev.kumo.api.serving.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.pod.Container;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Knative's RevisionSpec defaults: timeouts, container concurrency, container names and probes. */
public final class RevisionSpecDefaults {

    private RevisionSpecDefaults() {
    }

    /** The spec with every default applied; applying it twice changes nothing more. */
    public static RevisionSpec apply(RevisionSpec spec, ServingDefaults defaults) {
        RevisionSpec base = spec == null ? RevisionSpec.builder().build() : spec;
        long timeoutSeconds = base.timeoutSeconds() == null || base.timeoutSeconds() == 0
                ? defaults.revisionTimeoutSeconds() : base.timeoutSeconds();
        return base.toBuilder()
                .timeoutSeconds(timeoutSeconds)
                .responseStartTimeoutSeconds(base.responseStartTimeoutSeconds() != null
                        ? base.responseStartTimeoutSeconds()
                        : belowTimeout(defaults.revisionResponseStartTimeoutSeconds(), timeoutSeconds))
                .idleTimeoutSeconds(base.idleTimeoutSeconds() != null ? base.idleTimeoutSeconds()
                        : belowTimeout(defaults.revisionIdleTimeoutSeconds(), timeoutSeconds))
                .containerConcurrency(base.containerConcurrency() != null ? base.containerConcurrency()
                        : defaults.containerConcurrency())
                .containers(containers(base, defaults))
                .build();
    }

    /** A default sub-timeout is given only when it is set and shorter than the request timeout. */
    private static Long belowTimeout(long defaultSeconds, long timeoutSeconds) {
        return defaultSeconds != 0 && defaultSeconds < timeoutSeconds ? defaultSeconds : null;
    }

    private static List<Container> containers(RevisionSpec spec, ServingDefaults defaults) {
        if (spec.containers() == null) {
            return null;
        }
        List<Container> named = withNames(spec.containers(), takenNames(spec), defaults.userContainerName());
        boolean single = named.size() == 1;
        return named.stream().map(c -> ContainerDefaults.apply(c, single || !c.portsOrEmpty().isEmpty(),
                spec.volumesOrEmpty())).toList();
    }

    /** Unnamed containers get the default name, suffixed {@code -0}, {@code -1}… when there are several. */
    private static List<Container> withNames(List<Container> containers, Set<String> taken, String defaultName) {
        List<Container> named = new ArrayList<>();
        int suffix = 0;
        for (Container container : containers) {
            if (container.name() != null && !container.name().isEmpty()) {
                named.add(container);
                continue;
            }
            String name = defaultName;
            if (containers.size() > 1 || taken.contains(name)) {
                do {
                    name = defaultName + "-" + suffix++;
                } while (taken.contains(name));
            }
            named.add(container.toBuilder().name(name).build());
        }
        return named;
    }

    private static Set<String> takenNames(RevisionSpec spec) {
        Set<String> taken = new HashSet<>();
        spec.containersOrEmpty().forEach(c -> taken.add(c.name()));
        if (spec.initContainers() != null) {
            for (ObjectNode init : spec.initContainers()) {
                taken.add(init.path("name").asText(""));
            }
        }
        return taken;
    }
}
