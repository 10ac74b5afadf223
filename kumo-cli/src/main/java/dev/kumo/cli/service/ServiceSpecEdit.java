package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.Visibility;
import java.nio.file.Path;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Builds the Service a create, update or apply sends: the flags applied to a new or an existing Service. */
final class ServiceSpecEdit {

    private static final Set<String> PORT_NAMES = Set.of("", "h2c", "http1");

    private ServiceSpecEdit() {
    }

    /** A new Service named {@code name} in {@code namespace}, built from the flags alone. */
    static ObjectNode fresh(String namespace, String name, ServiceOptions options, RandomGenerator random) {
        return edit(skeleton(namespace, name), options, 1, random);
    }

    /** A Service with one empty container and nothing else. */
    static ObjectNode skeleton(String namespace, String name) {
        ObjectNode service = Json.object().put("apiVersion", ResourceTypes.SERVICE.apiVersion())
                .put("kind", ResourceTypes.SERVICE.kind());
        service.putObject("metadata").put("name", name).put("namespace", namespace);
        service.putObject("spec").putObject("template").putObject("spec").putArray("containers").addObject();
        return service;
    }

    /**
     * A copy of {@code current} with the flags applied; {@code generation} is the one the change will get (for
     * {@code {{.Generation}}}). Without {@code --revision-name}, a template change drops the old template name,
     * since the server refuses a changed template under an existing revision's name.
     */
    static ObjectNode edit(ObjectNode current, ServiceOptions options, long generation, RandomGenerator random) {
        ObjectNode service = current.deepCopy();
        String name = service.path("metadata").path("name").asText();
        ObjectNode template = service.withObjectProperty("spec").withObjectProperty("template");
        ObjectNode before = template.deepCopy();
        ObjectNode templateMeta = template.withObjectProperty("metadata");
        ObjectNode podSpec = template.withObjectProperty("spec");
        ObjectNode container = firstContainer(podSpec);

        options.image().ifPresent(image -> container.put("image", image));
        if (!options.command.isEmpty()) {
            container.set("command", Json.mapper().valueToTree(options.command));
        }
        if (!options.args.isEmpty()) {
            container.set("args", Json.mapper().valueToTree(options.args));
        }
        options.workingDir().ifPresent(dir -> container.put("workingDir", workingDir(container, dir)));
        if (options.envFile != null) {
            EnvEdits.env(container, EnvEdits.fromFile(options.envFile));
        }
        EnvEdits.env(container, options.env);
        ProbeFlags.apply(container, "readinessProbe", "--probe-readiness", options.readinessProbe,
                options.readinessOpts);
        ProbeFlags.apply(container, "livenessProbe", "--probe-liveness", options.livenessProbe, options.livenessOpts);
        EnvEdits.envFrom(container, options.envFrom);
        options.port().ifPresent(port -> container.set("ports", ports(port)));
        ImageFlagEdits.apply(podSpec, container, options);
        options.concurrencyLimit().ifPresent(limit -> podSpec.put("containerConcurrency", limit));
        options.timeoutSeconds().ifPresent(seconds -> podSpec.put("timeoutSeconds", seconds));
        ObjectNode serviceMeta = service.withObjectProperty("metadata");
        editMap(serviceMeta, "annotations", options.annotations.stream()
                .filter(edit -> !ScaleEdits.setsAutoscaling(KeyValueEdits.parse(edit, "--annotation"))).toList(),
                "--annotation");
        editMap(templateMeta, "annotations", options.annotations, "--annotation");
        editMap(serviceMeta, "annotations", options.serviceAnnotations, "--annotation-service");
        editMap(templateMeta, "annotations", options.revisionAnnotations, "--annotation-revision");
        ScaleEdits.apply(templateMeta, options.scale, options.annotations);
        dropIfEmpty(templateMeta, "annotations");
        for (ObjectNode metadata : new ObjectNode[] {serviceMeta, templateMeta}) {
            editMap(metadata, "labels", options.labels, "--label");
        }
        if (options.clusterLocal != null) {
            editMap(serviceMeta, "labels", java.util.List.of(options.clusterLocal
                    ? Visibility.LABEL + "=" + Visibility.CLUSTER_LOCAL : Visibility.LABEL + "-"), "--cluster-local");
        }
        if (options.revisionName().isPresent()) {
            templateMeta.put("name", RevisionNameTemplate.expand(options.revisionName().get(), name, generation,
                    random));
        } else if (!withoutName(template).equals(withoutName(before))) {
            templateMeta.remove("name");
        }
        if (templateMeta.isEmpty()) {
            template.remove("metadata");
        }
        if (options.editsTraffic()) {
            service.withObjectProperty("spec").set("traffic", TrafficEdit.apply(service.path("spec").path("traffic"),
                    options.untags, options.tags, options.traffic));
        }
        return service;
    }

    /**
     * A process container's directory is on this machine: a relative one is taken from where kumo runs, as a shell
     * user means it (the server runs elsewhere). An image's is a path inside the image, kept as given.
     */
    private static String workingDir(ObjectNode container, String dir) {
        return container.hasNonNull("image") ? dir : Path.of(dir).toAbsolutePath().normalize().toString();
    }

    private static ObjectNode firstContainer(ObjectNode podSpec) {
        var containers = podSpec.withArrayProperty("containers");
        if (containers.isEmpty()) {
            containers.addObject();
        }
        return (ObjectNode) containers.get(0);
    }

    private static void editMap(ObjectNode metadata, String field, java.util.List<String> edits, String flag) {
        if (edits.isEmpty()) {
            return;
        }
        KeyValueEdits.apply(metadata.withObjectProperty(field), edits, flag);
        dropIfEmpty(metadata, field);
    }

    private static void dropIfEmpty(ObjectNode metadata, String field) {
        if (metadata.path(field).isEmpty()) {
            metadata.remove(field);
        }
    }

    /** kn's {@code [NAME:]PORT}; Knative knows the names {@code h2c} and {@code http1}. */
    private static com.fasterxml.jackson.databind.node.ArrayNode ports(String flag) {
        int colon = flag.indexOf(':');
        String portName = colon < 0 ? "" : flag.substring(0, colon);
        String number = flag.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535 || !PORT_NAMES.contains(portName)) {
            throw new InvalidFlag("invalid --port '" + flag + "': want [NAME:]PORT, e.g. 8080 or h2c:8080; NAME h2c "
                    + "or http1, PORT from 1 to 65535");
        }
        var ports = Json.mapper().createArrayNode();
        ObjectNode entry = ports.addObject();
        if (!portName.isEmpty()) {
            entry.put("name", portName);
        }
        entry.put("containerPort", port);
        return ports;
    }

    private static JsonNode withoutName(ObjectNode template) {
        ObjectNode copy = template.deepCopy();
        if (copy.path("metadata") instanceof ObjectNode metadata) {
            metadata.remove("name");
            if (metadata.isEmpty()) {
                copy.remove("metadata");
            }
        }
        return copy;
    }
}
