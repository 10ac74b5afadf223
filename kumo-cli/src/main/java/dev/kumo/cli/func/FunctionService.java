package dev.kumo.cli.func;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.RuntimeName;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Knative Service a function deploys as (pure): labelled as knative func labels its Services, its container
 * running the built function as a host process ({@code kumo.dev/runtime: process}) in the built directory, or its
 * image by digest ({@code kumo.dev/runtime: container}).
 */
final class FunctionService {

    /** The label knative func puts on a function's Service, holding the function's name. */
    static final String NAME_LABEL = "function.knative.dev/name";

    /** The label holding the function's runtime (language). */
    static final String RUNTIME_LABEL = "function.knative.dev/runtime";

    private FunctionService() {
    }

    /** The labels of a function's Service and its revisions: knative func's, then func.yaml's deploy.labels. */
    static Map<String, String> labels(FuncYaml yaml) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("boson.dev/function", "true");
        labels.put("boson.dev/runtime", yaml.language().value());
        labels.put("function.knative.dev", "true");
        labels.put(NAME_LABEL, yaml.name());
        labels.put(RUNTIME_LABEL, yaml.language().value());
        yaml.deploy().labels().forEach(label -> labels.put(label.key(), label.value()));
        return labels;
    }

    /** The Service running {@code built} in {@code namespace}. */
    static ObjectNode service(String namespace, FuncYaml yaml, FunctionBuild.Built built) {
        ObjectNode service = skeleton(namespace, yaml, RuntimeName.PROCESS);
        ObjectNode container = container(service);
        container.putArray("command").add(built.command().getFirst());
        ArrayNode args = container.putArray("args");
        built.command().stream().skip(1).forEach(args::add);
        container.put("workingDir", built.dir().toString());
        env(container, yaml, Map.of());
        return service;
    }

    /**
     * The Service running the function's {@code image} ({@code NAME@sha256:…}) in {@code namespace}: the image's
     * entrypoint (the invoker) given the function's template and name, listening on all of its pod's addresses.
     */
    static ObjectNode imageService(String namespace, FuncYaml yaml, String image) {
        ObjectNode service = skeleton(namespace, yaml, RuntimeName.CONTAINER);
        ObjectNode container = container(service).put("image", image);
        ArrayNode args = container.putArray("args");
        FunctionImageBuild.args(yaml).forEach(args::add);
        env(container, yaml, Map.of(FunctionImageBuild.LISTEN_HOST, "0.0.0.0"));
        return service;
    }

    private static ObjectNode container(ObjectNode service) {
        return (ObjectNode) service.path("spec").path("template").path("spec").path("containers").get(0);
    }

    // The function's own variables, then Kumo's.
    private static void env(ObjectNode container, FuncYaml yaml, Map<String, String> kumo) {
        if (yaml.run().envs().isEmpty() && kumo.isEmpty()) {
            return;
        }
        ArrayNode env = container.putArray("env");
        yaml.run().envs().forEach(e -> env.addObject().put("name", e.name()).put("value", e.value()));
        kumo.forEach((name, value) -> env.addObject().put("name", name).put("value", value));
    }

    // The Service with its labels and annotations and one container named user-container, run by runtime.
    private static ObjectNode skeleton(String namespace, FuncYaml yaml, RuntimeName runtime) {
        ObjectNode service = Json.object().put("apiVersion", ResourceTypes.SERVICE.apiVersion())
                .put("kind", ResourceTypes.SERVICE.kind());
        ObjectNode metadata = service.putObject("metadata").put("name", yaml.name()).put("namespace", namespace);
        labels(yaml).forEach(metadata.putObject("labels")::put);
        if (!yaml.deploy().annotations().isEmpty()) {
            yaml.deploy().annotations().forEach(metadata.putObject("annotations")::put);
        }
        ObjectNode template = service.putObject("spec").putObject("template");
        ObjectNode templateMetadata = template.putObject("metadata");
        labels(yaml).forEach(templateMetadata.putObject("labels")::put);
        ObjectNode annotations = templateMetadata.putObject("annotations");
        yaml.deploy().annotations().forEach(annotations::put);
        annotations.put(RuntimeName.ANNOTATION, runtime.value());
        template.putObject("spec").putArray("containers").addObject().put("name", "user-container");
        return service;
    }

    /** {@code current} (as the server has it) given the function's labels, annotations and template. */
    static ObjectNode replaced(ObjectNode current, ObjectNode wanted) {
        ObjectNode replacement = current.deepCopy();
        replacement.remove("status");
        replacement.set("spec", wanted.path("spec").deepCopy());
        ObjectNode metadata = replacement.withObjectProperty("metadata");
        for (String field : new String[] {"labels", "annotations"}) {
            wanted.path("metadata").path(field).properties()
                    .forEach(e -> metadata.withObjectProperty(field).set(e.getKey(), e.getValue()));
        }
        return replacement;
    }
}
