package dev.kumo.server.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Knative Services (and ConfigMaps, Secrets) that run the test workload {@code workloads/echo.py}. */
final class Workloads {

    /** The test workload, from the test classpath. */
    static final Path ECHO = echo();

    private Workloads() {
    }

    /** A Service whose one container runs {@code python3 -u echo.py} in the workload's directory. */
    static ObjectNode service(String name) {
        ObjectNode service = Json.object();
        service.put("apiVersion", "serving.knative.dev/v1").put("kind", "Service");
        service.putObject("metadata").put("name", name);
        ObjectNode container = service.putObject("spec").putObject("template").putObject("spec")
                .putArray("containers").addObject();
        container.putArray("command").add("python3").add("-u");
        container.putArray("args").add(ECHO.getFileName().toString());
        container.put("workingDir", ECHO.getParent().toString());
        return service;
    }

    static ObjectNode template(ObjectNode service) {
        return (ObjectNode) service.get("spec").get("template");
    }

    static ObjectNode container(ObjectNode service) {
        return (ObjectNode) template(service).get("spec").get("containers").get(0);
    }

    /** Adds {@code name=value} to the container's env. */
    static ObjectNode env(ObjectNode service, String name, String value) {
        env(service).addObject().put("name", name).put("value", value);
        return service;
    }

    static ArrayNode env(ObjectNode service) {
        ObjectNode container = container(service);
        return container.has("env") ? (ArrayNode) container.get("env") : container.putArray("env");
    }

    static ObjectNode configMap(String name, String key, String value) {
        ObjectNode map = Json.object();
        map.put("apiVersion", "v1").put("kind", "ConfigMap");
        map.putObject("metadata").put("name", name);
        map.putObject("data").put(key, value);
        return map;
    }

    static ObjectNode secret(String name, String key, String value) {
        ObjectNode secret = Json.object();
        secret.put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", name);
        secret.putObject("stringData").put(key, value);
        return secret;
    }

    private static Path echo() {
        try {
            return Path.of(Workloads.class.getResource("/workloads/echo.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
