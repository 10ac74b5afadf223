package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The flags kn gives for running an image, applied to a pod spec and its first container: {@code --mount} and
 * {@code --volume}, {@code --limit} and {@code --request}, {@code --user}, {@code --pull-secret},
 * {@code --pull-policy} and {@code --service-account}.
 */
final class ImageFlagEdits {

    private static final List<String> PULL_POLICIES = List.of("Always", "Never", "IfNotPresent");

    private ImageFlagEdits() {
    }

    static void apply(ObjectNode podSpec, ObjectNode container, ServiceOptions options) {
        VolumeEdits.apply(podSpec, container, options.mounts, options.volumes);
        options.pullPolicy().ifPresent(policy -> container.put("imagePullPolicy", pullPolicy(policy)));
        resources(container, "requests", options.requests, "--request");
        resources(container, "limits", options.limits, "--limit");
        options.serviceAccount().map(String::strip).ifPresent(account -> {
            if (account.isEmpty()) {
                podSpec.remove("serviceAccountName");
            } else {
                podSpec.put("serviceAccountName", account);
            }
        });
        options.pullSecret().map(String::strip).ifPresent(secret -> {
            if (secret.isEmpty()) {
                podSpec.remove("imagePullSecrets");
            } else {
                podSpec.putArray("imagePullSecrets").addObject().put("name", secret);
            }
        });
        // As kn: the container's securityContext becomes just this user.
        options.user().ifPresent(user -> {
            if (user < 0) {
                throw new InvalidFlag("invalid --user '" + user + "': want a user ID, 0 or more (e.g. 1001)");
            }
            container.putObject("securityContext").put("runAsUser", user);
        });
    }

    /** {@code Always}, {@code Never} or {@code IfNotPresent}, in any case, written as Kubernetes spells it. */
    static String pullPolicy(String flag) {
        return PULL_POLICIES.stream().filter(p -> p.equalsIgnoreCase(flag.strip())).findFirst()
                .orElseThrow(() -> new InvalidFlag("invalid --pull-policy '" + flag + "': want Always, Never or "
                        + "IfNotPresent (case insensitive)"));
    }

    /** {@code NAME=QUANTITY} sets a resource, {@code NAME-} removes it; a name given twice is refused, as by kn. */
    private static void resources(ObjectNode container, String field, List<String> edits, String flag) {
        if (edits.isEmpty()) {
            return;
        }
        ObjectNode list = container.withObjectProperty("resources").withObjectProperty(field);
        Set<String> seen = new HashSet<>();
        for (String edit : edits) {
            KeyValueEdits.Edit parsed;
            try {
                parsed = KeyValueEdits.parse(edit, flag);
            } catch (InvalidFlag e) {
                throw new InvalidFlag("invalid " + flag + " '" + edit + "': want RESOURCE=QUANTITY, e.g. "
                        + "cpu=500m,memory=128Mi, or RESOURCE- to remove it");
            }
            if (!seen.add(parsed.key().toLowerCase(Locale.ROOT))) {
                throw new InvalidFlag("invalid " + flag + " '" + edit + "': " + parsed.key() + " is given twice");
            }
            if (parsed.remove()) {
                list.remove(parsed.key());
            } else {
                VolumeSource.quantity(parsed.value(), flag, edit);
                list.put(parsed.key(), parsed.value());
            }
        }
        ObjectNode resources = (ObjectNode) container.get("resources");
        if (list.isEmpty()) {
            resources.remove(field);
        }
        if (resources.isEmpty()) {
            container.remove("resources");
        }
    }
}
