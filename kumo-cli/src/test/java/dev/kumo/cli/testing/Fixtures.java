package dev.kumo.cli.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.function.Consumer;

/** Objects for tests, built with small option functions: {@code service("default", "hello", ready())}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A Knative Service with the given options applied. */
    @SafeVarargs
    public static ObjectNode service(String namespace, String name, Consumer<ObjectNode>... options) {
        ObjectNode service = object("serving.knative.dev/v1", "Service", namespace, name);
        service.putObject("spec").putObject("template").putObject("spec").putArray("containers").addObject()
                .put("image", "ghcr.io/knative/helloworld-go");
        for (Consumer<ObjectNode> option : options) {
            option.accept(service);
        }
        return service;
    }

    /** A Knative Revision of a Service at a configuration generation. */
    @SafeVarargs
    public static ObjectNode revision(String namespace, String name, String service, int generation,
            Consumer<ObjectNode>... options) {
        ObjectNode revision = object("serving.knative.dev/v1", "Revision", namespace, name);
        revision.withObjectProperty("metadata").putObject("labels").put("serving.knative.dev/service", service)
                .put("serving.knative.dev/configurationGeneration", Integer.toString(generation));
        revision.putObject("spec").putArray("containers").addObject().put("image", "ghcr.io/knative/helloworld-go");
        for (Consumer<ObjectNode> option : options) {
            option.accept(revision);
        }
        return revision;
    }

    /** A Knative Route. */
    @SafeVarargs
    public static ObjectNode route(String namespace, String name, Consumer<ObjectNode>... options) {
        ObjectNode route = object("serving.knative.dev/v1", "Route", namespace, name);
        for (Consumer<ObjectNode> option : options) {
            option.accept(route);
        }
        return route;
    }

    /** Ready, ConfigurationsReady and RoutesReady all True, as a reconciled Service has them. */
    public static Consumer<ObjectNode> ready() {
        return object -> {
            ArrayNode conditions = object.withObjectProperty("status").putArray("conditions");
            for (String type : new String[] {"ConfigurationsReady", "Ready", "RoutesReady"}) {
                conditions.addObject().put("type", type).put("status", "True")
                        .put("lastTransitionTime", FakeApiServer.CREATED.toString());
            }
        };
    }

    /** Ready False with a reason and message. */
    public static Consumer<ObjectNode> failed(String reason, String message) {
        return object -> object.withObjectProperty("status").putArray("conditions").addObject().put("type", "Ready")
                .put("status", "False").put("reason", reason).put("message", message)
                .put("lastTransitionTime", FakeApiServer.CREATED.toString());
    }

    /** Annotations {@code key=value}, each as given. */
    public static Consumer<ObjectNode> annotations(String... pairs) {
        return object -> {
            ObjectNode annotations = object.withObjectProperty("metadata").withObjectProperty("annotations");
            for (String pair : pairs) {
                annotations.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        };
    }

    /** A Revision's {@code status.actualReplicas} and {@code desiredReplicas}, and its Active condition. */
    public static Consumer<ObjectNode> replicas(int actual, int desired, String active, String reason) {
        return object -> {
            ObjectNode status = object.withObjectProperty("status").put("actualReplicas", actual)
                    .put("desiredReplicas", desired);
            ObjectNode condition = status.withArrayProperty("conditions").addObject().put("type", "Active")
                    .put("status", active).put("severity", "Info")
                    .put("lastTransitionTime", FakeApiServer.CREATED.toString());
            if (!reason.isEmpty()) {
                condition.put("reason", reason);
            }
        };
    }

    /** {@code status.url} and the latest revision names. */
    public static Consumer<ObjectNode> serving(String url, String latestRevision) {
        return object -> object.withObjectProperty("status").put("url", url)
                .put("latestCreatedRevisionName", latestRevision).put("latestReadyRevisionName", latestRevision);
    }

    /** One {@code status.traffic} target. */
    public static Consumer<ObjectNode> traffic(String revision, int percent, String tag, boolean latest) {
        return object -> {
            ObjectNode target = object.withObjectProperty("status").withArrayProperty("traffic").addObject()
                    .put("revisionName", revision).put("percent", percent).put("latestRevision", latest);
            if (!tag.isEmpty()) {
                target.put("tag", tag);
            }
        };
    }

    private static ObjectNode object(String apiVersion, String kind, String namespace, String name) {
        ObjectNode object = Json.object().put("apiVersion", apiVersion).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", namespace);
        return object;
    }
}
