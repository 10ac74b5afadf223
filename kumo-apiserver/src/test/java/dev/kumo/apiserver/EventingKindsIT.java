package dev.kumo.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The eventing and sources kinds are discoverable, stored, validated and listed as Tables with Knative's columns. */
class EventingKindsIT {

    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    private static final String BROKERS = "/apis/eventing.knative.dev/v1/namespaces/default/brokers";
    private static final String TRIGGERS = "/apis/eventing.knative.dev/v1/namespaces/default/triggers";
    private static final String PING_SOURCES = "/apis/sources.knative.dev/v1/namespaces/default/pingsources";

    private static final ApiFixture api = new ApiFixture();

    @AfterAll
    static void close() {
        api.close();
    }

    @Test
    void bothGroupsAreDiscoverableWithKnativesCategories() {
        assertThat(api.get("/apis").json().path("groups").findValuesAsText("name"))
                .contains("eventing.knative.dev", "sources.knative.dev");
        JsonNode eventing = api.get("/apis/eventing.knative.dev/v1").json();
        assertThat(eventing.path("resources").findValuesAsText("name"))
                .containsExactly("brokers", "brokers/status", "triggers", "triggers/status");
        assertThat(eventing.path("resources").get(0).path("categories").toString())
                .isEqualTo("[\"all\",\"knative\",\"eventing\"]");
        JsonNode sources = api.get("/apis/sources.knative.dev/v1").json();
        assertThat(sources.path("resources").findValuesAsText("name")).contains("pingsources",
                "apiserversources", "sinkbindings", "containersources", "pingsources/status");
        assertThat(sources.path("resources").get(0).path("categories").toString()).contains("\"sources\"");
        assertThat(api.get("/openapi/v3").json().path("paths").has("apis/sources.knative.dev/v1")).isTrue();
    }

    @Test
    void aBrokerIsStoredWithItsDefaultsAndListedWithKnativesColumns() {
        ApiFixture.Response created = api.post(BROKERS, """
                {"apiVersion":"eventing.knative.dev/v1","kind":"Broker","metadata":{"name":"listed"}}""");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().at("/metadata/annotations").path("eventing.knative.dev/broker.class").asText())
                .isEqualTo("KumoBroker");

        JsonNode table = api.get(BROKERS, "Accept", TABLE).json();
        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "URL", "Age", "Ready", "Reason", "Class");
        assertThat(table.path("columnDefinitions").get(5).path("priority").asInt()).isEqualTo(1);
        JsonNode row = rowNamed(table, "listed");
        assertThat(row.path("cells").get(5).asText()).isEqualTo("KumoBroker");
    }

    @Test
    void statusIsWrittenThroughTheSubresourceAndShownInTheTable() {
        api.post(TRIGGERS, trigger("shown", "default"));
        ObjectNode trigger = (ObjectNode) api.get(TRIGGERS + "/shown").json();
        trigger.putObject("status").put("subscriberUri", "http://display.default.svc").putArray("conditions")
                .addObject().put("type", "Ready").put("status", "False").put("reason", "BrokerDoesNotExist");

        ApiFixture.Response updated = api.send("PUT", TRIGGERS + "/shown/status", "application/json",
                Json.write(trigger));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);

        JsonNode table = api.get(TRIGGERS, "Accept", TABLE).json();
        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "Broker", "Subscriber_URI", "Age", "Ready", "Reason");
        JsonNode cells = rowNamed(table, "shown").path("cells");
        assertThat(cells.get(1).asText()).isEqualTo("default");
        assertThat(cells.get(2).asText()).isEqualTo("http://display.default.svc");
        assertThat(cells.get(4).asText()).isEqualTo("False");
        assertThat(cells.get(5).asText()).isEqualTo("BrokerDoesNotExist");
    }

    @Test
    void anInvalidTriggerIsAn422NamingTheField() {
        ApiFixture.Response refused = api.post(TRIGGERS, trigger("bad", "default")
                .replace("\"subscriber\"", "\"filters\":[{\"exact\":{\"Type\":\"x\"}}],\"subscriber\""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("reason").asText()).isEqualTo("Invalid");
        assertThat(refused.json().at("/details/causes/0/field").asText()).isEqualTo("spec.filters[0].exact[Type]");
        assertThat(refused.json().at("/details/kind").asText()).isEqualTo("Trigger");
    }

    @Test
    void aTriggersBrokerCannotBeChangedByAPatch() {
        api.post(TRIGGERS, trigger("fixed", "default"));

        ApiFixture.Response refused = api.send("PATCH", TRIGGERS + "/fixed", "application/merge-patch+json",
                "{\"spec\":{\"broker\":\"other\"}}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/details/causes/0/field").asText()).isEqualTo("spec.broker");
    }

    @Test
    void aPingSourceIsListedWithItsSchedule() {
        ApiFixture.Response created = api.post(PING_SOURCES, """
                {"apiVersion":"sources.knative.dev/v1","kind":"PingSource","metadata":{"name":"tick"},
                 "spec":{"sink":{"uri":"http://display.default.svc"}}}""");
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        JsonNode table = api.get(PING_SOURCES, "Accept", TABLE).json();
        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "Sink", "Schedule", "Age", "Ready", "Reason");
        assertThat(rowNamed(table, "tick").path("cells").get(2).asText()).isEqualTo("* * * * *");
    }

    private static String trigger(String name, String broker) {
        return """
                {"apiVersion":"eventing.knative.dev/v1","kind":"Trigger","metadata":{"name":"%s"},
                 "spec":{"broker":"%s","subscriber":{"uri":"http://display.default.svc"}}}""".formatted(name, broker);
    }

    private static JsonNode rowNamed(JsonNode table, String name) {
        for (JsonNode row : table.path("rows")) {
            if (row.path("cells").get(0).asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row " + name + " in " + table);
    }
}
