package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.CONFIGURATIONS;
import static dev.kumo.server.conformance.Kumo.REVISIONS;
import static dev.kumo.server.conformance.Kumo.ROUTES;
import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Knative's API conformance for Services: create, list, update, delete, BYO names, label/annotation propagation,
 * and names generated from {@code metadata.generateName}.
 */
class ConformanceServiceApiIT {

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass();

    /**
     * Knative's tests cut the prefix to 44 characters (knative/serving#3236): the generated name plus a Revision
     * suffix must still be a valid name.
     */
    private static final String LONG_PREFIX = "conformance-service-generate-name-test-abcd-";

    /** TestServiceCreateListAndDelete. */
    @Test
    void createListAndDelete() {
        kumo.create(SERVICES, Workloads.env(Workloads.service("cld"), "TARGET", "list"));
        JsonNode ready = kumo.awaitReady("cld");
        assertThat(ready.at("/status/url").asText()).isEqualTo("http://cld.default.localhost:" + kumo.ingressPort());
        assertThat(kumo.call("cld", "/").body()).isEqualTo("Hello list! (cld-00001)\n");

        assertThat(names(SERVICES)).contains("cld");
        assertThat(names(CONFIGURATIONS)).contains("cld");
        assertThat(names(ROUTES)).contains("cld");
        assertThat(names(REVISIONS + "?labelSelector=serving.knative.dev/service%3Dcld")).containsExactly("cld-00001");

        assertThat(kumo.api("DELETE", SERVICES + "/cld").statusCode()).isEqualTo(200);
        await("cld and its children gone").atMost(Kumo.SETTLE).untilAsserted(() -> {
            assertThat(kumo.api("GET", SERVICES + "/cld").statusCode()).isEqualTo(404);
            assertThat(kumo.api("GET", CONFIGURATIONS + "/cld").statusCode()).isEqualTo(404);
            assertThat(kumo.api("GET", ROUTES + "/cld").statusCode()).isEqualTo(404);
            assertThat(kumo.api("GET", REVISIONS + "/cld-00001").statusCode()).isEqualTo(404);
            assertThat(kumo.call("cld", "/").statusCode()).isEqualTo(404);
        });
    }

    /** TestServiceCreateAndUpdate: a template change makes a new Revision; a metadata change does not. */
    @Test
    void createAndUpdate() {
        kumo.create(SERVICES, Workloads.env(Workloads.service("upd"), "TARGET", "first"));
        kumo.awaitReady("upd");
        assertThat(kumo.call("upd", "/").body()).isEqualTo("Hello first! (upd-00001)\n");

        kumo.mergePatch(SERVICES + "/upd", Kumo.object("""
                {"spec":{"template":{"spec":{"containers":[{"command":["python3","-u"],"args":["echo.py"],
                "workingDir":"%s","env":[{"name":"TARGET","value":"second"}]}]}}}}
                """.formatted(Workloads.ECHO.getParent())));
        JsonNode updated = await("upd-00002 ready").atMost(Kumo.SETTLE).until(() -> kumo.awaitReady("upd"),
                s -> s.at("/status/latestReadyRevisionName").asText().equals("upd-00002"));
        assertThat(updated.at("/status/latestCreatedRevisionName").asText()).isEqualTo("upd-00002");
        await("traffic on upd-00002").atMost(Kumo.SETTLE).untilAsserted(() ->
                assertThat(kumo.call("upd", "/").body()).isEqualTo("Hello second! (upd-00002)\n"));
        assertThat(names(REVISIONS + "?labelSelector=serving.knative.dev/service%3Dupd"))
                .containsExactlyInAnyOrder("upd-00001", "upd-00002");

        kumo.mergePatch(SERVICES + "/upd", Kumo.object("{\"metadata\":{\"labels\":{\"stage\":\"two\"}}}"));
        JsonNode relabelled = kumo.awaitReady("upd");
        assertThat(relabelled.at("/status/latestCreatedRevisionName").asText()).isEqualTo("upd-00002");
        assertThat(names(REVISIONS + "?labelSelector=serving.knative.dev/service%3Dupd"))
                .containsExactlyInAnyOrder("upd-00001", "upd-00002");
    }

    /** TestServiceBYOName: the template's name becomes the Revision's; a template change keeping it is refused. */
    @Test
    void bringYourOwnRevisionName() {
        ObjectNode service = Workloads.env(Workloads.service("byo"), "TARGET", "byo");
        Workloads.template(service).putObject("metadata").put("name", "byo-first");
        kumo.create(SERVICES, service);

        JsonNode ready = kumo.awaitReady("byo");
        assertThat(ready.at("/status/latestReadyRevisionName").asText()).isEqualTo("byo-first");
        assertThat(kumo.get(REVISIONS + "/byo-first").at("/metadata/labels/serving.knative.dev~1service").asText())
                .isEqualTo("byo");
        assertThat(kumo.call("byo", "/").body()).isEqualTo("Hello byo! (byo-first)\n");

        var sameName = kumo.api("PATCH", SERVICES + "/byo", """
                {"spec":{"template":{"metadata":{"name":"byo-first"},"spec":{"containers":[{"command":["python3","-u"],
                "args":["echo.py"],"workingDir":"%s","env":[{"name":"TARGET","value":"changed"}]}]}}}}
                """.formatted(Workloads.ECHO.getParent()), "application/merge-patch+json");
        assertThat(sameName.statusCode()).as(sameName.body()).isEqualTo(422);
        assertThat(sameName.body()).contains("byo-first");
    }

    /** TestLabelPropagation and TestAnnotationPropagation. */
    @Test
    void labelsAndAnnotationsPropagate() {
        ObjectNode service = Workloads.service("prop");
        ObjectNode metadata = (ObjectNode) service.get("metadata");
        metadata.putObject("labels").put("team", "blue");
        metadata.putObject("annotations").put("example.com/owner", "alice");
        ObjectNode templateMetadata = Workloads.template(service).putObject("metadata");
        templateMetadata.putObject("labels").put("tier", "backend");
        templateMetadata.putObject("annotations").put("example.com/note", "from-template");
        kumo.create(SERVICES, service);
        kumo.awaitReady("prop");

        for (String child : List.of(CONFIGURATIONS + "/prop", ROUTES + "/prop")) {
            JsonNode object = kumo.get(child);
            assertThat(object.at("/metadata/labels/team").asText()).as(child).isEqualTo("blue");
            assertThat(object.at("/metadata/labels/serving.knative.dev~1service").asText()).as(child).isEqualTo("prop");
            assertThat(object.at("/metadata/annotations/example.com~1owner").asText()).as(child).isEqualTo("alice");
        }
        JsonNode revision = kumo.get(REVISIONS + "/prop-00001");
        assertThat(revision.at("/metadata/labels/tier").asText()).isEqualTo("backend");
        assertThat(revision.at("/metadata/labels/serving.knative.dev~1service").asText()).isEqualTo("prop");
        assertThat(revision.at("/metadata/labels/serving.knative.dev~1configuration").asText()).isEqualTo("prop");
        assertThat(revision.at("/metadata/labels/serving.knative.dev~1configurationGeneration").asText())
                .isEqualTo("1");
        assertThat(revision.at("/metadata/annotations/example.com~1note").asText()).isEqualTo("from-template");
        assertThat(revision.at("/metadata/labels/team").isMissingNode()).as("service labels stay off revisions")
                .isTrue();

        kumo.mergePatch(SERVICES + "/prop", Kumo.object("""
                {"metadata":{"labels":{"team":"green"},"annotations":{"example.com/owner":"bob"}}}"""));
        await("updated labels propagated").atMost(Kumo.SETTLE).untilAsserted(() -> {
            for (String child : List.of(CONFIGURATIONS + "/prop", ROUTES + "/prop")) {
                JsonNode object = kumo.get(child);
                assertThat(object.at("/metadata/labels/team").asText()).as(child).isEqualTo("green");
                assertThat(object.at("/metadata/annotations/example.com~1owner").asText()).as(child).isEqualTo("bob");
            }
        });
    }

    private static List<String> names(String collection) {
        List<String> names = new ArrayList<>();
        kumo.get(collection).path("items").forEach(item -> names.add(item.at("/metadata/name").asText()));
        return names;
    }

    /** TestServiceGenerateName: the Configuration, Route, Revision and URL take the Service's generated name. */
    @Test
    void aServiceWithGenerateNameServesUnderItsGeneratedName() {
        ObjectNode service = Workloads.env(Workloads.service("unused"), "TARGET", "generated");
        ((ObjectNode) service.get("metadata")).remove("name");
        ((ObjectNode) service.get("metadata")).put("generateName", LONG_PREFIX);

        String name = kumo.create(SERVICES, service).at("/metadata/name").asText();

        assertThat(LONG_PREFIX).hasSize(44);
        assertThat(name).matches(Pattern.quote(LONG_PREFIX) + "[a-zA-Z0-9\\-.]+");
        JsonNode ready = kumo.awaitReady(name);
        assertThat(ready.at("/status/url").asText())
                .isEqualTo("http://" + name + ".default.localhost:" + kumo.ingressPort());
        assertThat(ready.at("/status/latestReadyRevisionName").asText()).isEqualTo(name + "-00001");
        assertThat(kumo.get(CONFIGURATIONS + "/" + name).at("/metadata/labels/serving.knative.dev~1service").asText())
                .isEqualTo(name);
        assertThat(kumo.get(ROUTES + "/" + name).at("/status/url").asText()).isEqualTo(ready.at("/status/url").asText());
        assertThat(kumo.get(REVISIONS + "/" + name + "-00001").at("/metadata/labels/serving.knative.dev~1service")
                .asText()).isEqualTo(name);
        assertThat(kumo.call(name, "/").body()).isEqualTo("Hello generated! (" + name + "-00001)\n");
    }

    /** TestRouteAndConfigGenerateName: a Configuration and a Route, both named by the server, serve together. */
    @Test
    void aConfigurationAndARouteWithGenerateNameServeTogether() {
        ObjectNode configuration = Workloads.env(Workloads.service("unused"), "TARGET", "pair");
        configuration.put("kind", "Configuration");
        ((ObjectNode) configuration.get("metadata")).remove("name");
        ((ObjectNode) configuration.get("metadata")).put("generateName", "gen-config-");
        String config = kumo.create(CONFIGURATIONS, configuration).at("/metadata/name").asText();
        assertThat(config).matches("gen-config-[a-zA-Z0-9\\-.]+");
        kumo.awaitCondition(CONFIGURATIONS + "/" + config, "Ready", "True");
        assertThat(kumo.get(CONFIGURATIONS + "/" + config).at("/status/latestCreatedRevisionName").asText())
                .isEqualTo(config + "-00001");

        ObjectNode route = Kumo.object("""
                {"apiVersion": "serving.knative.dev/v1", "kind": "Route", "metadata": {"generateName": "gen-route-"},
                 "spec": {"traffic": [{"configurationName": "%s", "percent": 100}]}}""".formatted(config));
        String name = kumo.create(ROUTES, route).at("/metadata/name").asText();

        assertThat(name).matches("gen-route-[a-zA-Z0-9\\-.]+");
        JsonNode ready = kumo.awaitCondition(ROUTES + "/" + name, "Ready", "True");
        assertThat(ready.path("status").asText()).isEqualTo("True");
        assertThat(kumo.get(ROUTES + "/" + name).at("/status/url").asText())
                .isEqualTo("http://" + name + ".default.localhost:" + kumo.ingressPort());
        assertThat(kumo.call(name, "/").body()).isEqualTo("Hello pair! (" + config + "-00001)\n");
    }
}
