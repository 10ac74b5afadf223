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
 * running the built function as a host process ({@code kumo.dev/runtime: process}) in the built directory.
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
        annotations.put(RuntimeName.ANNOTATION, RuntimeName.PROCESS.value());
        ObjectNode container = template.putObject("spec").putArray("containers").addObject()
                .put("name", "user-container");
        container.putArray("command").add(built.command().getFirst());
        ArrayNode args = container.putArray("args");
        built.command().stream().skip(1).forEach(args::add);
        container.put("workingDir", built.dir().toString());
        if (!yaml.run().envs().isEmpty()) {
            ArrayNode env = container.putArray("env");
            yaml.run().envs().forEach(e -> env.addObject().put("name", e.name()).put("value", e.value()));
        }
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
