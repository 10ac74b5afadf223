package dev.kumo.cli.eventing;

import static dev.kumo.cli.testing.Fixtures.failed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.RecordedRequest;
import org.junit.jupiter.api.Test;

/** broker, trigger and source ping create|list|describe|delete against the fake API server: what is sent and said. */
class EventingCommandsTest extends EventingCliTest {

    @Test
    void brokerCreatePostsTheClassAndDelivery() {
        CliResult result = kumo("broker", "create", "default", "--class", "MTChannelBasedBroker", "--dl-sink",
                "ksvc:dead-letters", "--retry", "3", "--backoff-policy", "linear", "--backoff-delay", "PT1S");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Broker 'default' successfully created in namespace 'default'.\n");
        RecordedRequest post = server.requests().getLast();
        assertThat(post.line()).isEqualTo("POST /apis/eventing.knative.dev/v1/namespaces/default/brokers");
        assertThat(lastBody().toString()).isEqualTo("""
                {"apiVersion":"eventing.knative.dev/v1","kind":"Broker","metadata":{"name":"default",\
                "namespace":"default","annotations":{"eventing.knative.dev/broker.class":"MTChannelBasedBroker"}},\
                "spec":{"delivery":{"deadLetterSink":{"ref":{"apiVersion":"serving.knative.dev/v1","kind":"Service",\
                "name":"dead-letters"}},"retry":3,"backoffPolicy":"linear","backoffDelay":"PT1S"}}}""");
    }

    @Test
    void brokerCreateOfAnExistingBrokerSaysHowToReplaceIt() {
        kumo("broker", "create", "default");

        CliResult result = kumo("broker", "create", "default");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Error: broker 'default' already exists in namespace 'default'\n"
                + "Delete it first with 'kumo broker delete default'.\n");
    }

    @Test
    void brokerListDescribeAndDelete() {
        kumo("broker", "create", "default", "-n", "team");
        ObjectNode broker = server.stored(ResourceTypes.BROKER, "team", "default").orElseThrow();
        broker.putObject("status").putObject("address").put("url", "http://127.0.0.1:8081/team/default");
        broker.withObjectProperty("metadata").putObject("annotations")
                .put("eventing.knative.dev/broker.class", "KumoBroker");
        server.seed(ResourceTypes.BROKER, broker);

        assertThat(kumo("broker", "list", "-n", "team").out()).isEqualTo("""
                NAME      URL                                  AGE   CONDITIONS   READY       REASON
                default   http://127.0.0.1:8081/team/default   5m    0 OK / 0     <unknown>   <unknown>
                """);
        assertThat(kumo("broker", "describe", "default", "-n", "team").out()).isEqualTo("""
                Name:       default
                Namespace:  team
                Age:        5m
                Class:      KumoBroker
                URL:        http://127.0.0.1:8081/team/default
                """);
        assertThat(kumo("broker", "delete", "default", "-n", "team").out())
                .isEqualTo("Broker 'default' successfully deleted in namespace 'team'.\n");
        assertThat(server.stored(ResourceTypes.BROKER, "team", "default")).isEmpty();
    }

    @Test
    void triggerCreatePostsTheBrokerFiltersAndSink() {
        CliResult result = kumo("trigger", "create", "display", "--broker", "events", "--filter",
                "type=dev.knative.sources.ping", "--filter", "source=/apis/v1", "--filters-cesql",
                "subject LIKE 'a%'", "--sink", "http://display.example/path");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Trigger 'display' successfully created in namespace 'default'.\n");
        assertThat(lastBody().path("spec").toString()).isEqualTo("""
                {"broker":"events","filters":[{"exact":{"type":"dev.knative.sources.ping","source":"/apis/v1"}},\
                {"cesql":"subject LIKE 'a%'"}],"subscriber":{"uri":"http://display.example/path"}}""");
    }

    @Test
    void triggerCreateWithOnlyAttributeFiltersWritesThemAsKnDoes() {
        kumo("trigger", "create", "display", "--filter", "type=x", "--sink", "http://display.example/");

        assertThat(lastBody().path("spec").toString()).isEqualTo("""
                {"broker":"default","filter":{"attributes":{"type":"x"}},\
                "subscriber":{"uri":"http://display.example/"}}""");
    }

    @Test
    void triggerCreateDefaultsToTheDefaultBrokerAndTakesKnSinks() {
        kumo("trigger", "create", "t", "--sink", "ksvc:display:other");

        assertThat(lastBody().path("spec").toString()).isEqualTo("""
                {"broker":"default","subscriber":{"ref":{"apiVersion":"serving.knative.dev/v1","kind":"Service",\
                "name":"display","namespace":"other"}}}""");
    }

    @Test
    void triggerListAndDescribeShowTheSinkAndFilters() {
        kumo("trigger", "create", "display", "--filter", "type=x", "--filters-cesql", "true", "--sink",
                "broker:other");
        ObjectNode trigger = server.stored(ResourceTypes.TRIGGER, "default", "display").orElseThrow();
        failed("BrokerDoesNotExist", "Broker \"default\" does not exist").accept(trigger);
        server.seed(ResourceTypes.TRIGGER, trigger);

        assertThat(kumo("trigger", "list").out()).isEqualTo("""
                NAME      BROKER    SINK           AGE   CONDITIONS   READY   REASON
                display   default   broker:other   5m    0 OK / 1     False   BrokerDoesNotExist : Broker "default" does not exist
                """);
        assertThat(kumo("trigger", "describe", "display").out()).isEqualTo("""
                Name:       display
                Namespace:  default
                Age:        5m
                Broker:     default
                Sink:       broker:other

                Filter:
                  type = x
                  cesql: true

                Conditions:
                  OK TYPE    AGE REASON
                  !! Ready    5m BrokerDoesNotExist
                """);
    }

    @Test
    void aBadSinkIsAUsageError() {
        CliResult result = kumo("trigger", "create", "t", "--sink", "svc:display");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: invalid --sink 'svc:display': want ksvc:NAME[:NAMESPACE], "
                + "broker:NAME, channel:NAME or an http(s):// URL\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aTriggerNeedsASink() {
        CliResult result = kumo("trigger", "create", "t");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: missing --sink: say where events go");
    }

    @Test
    void pingSourceCreateListDescribeDelete() {
        CliResult created = kumo("source", "ping", "create", "tick", "--schedule", "*/1 * * * *", "--data", "{}",
                "--ce-override", "team=a", "--sink", "broker:default");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("Ping source 'tick' successfully created in namespace 'default'.\n");
        assertThat(server.requests().getLast().line())
                .isEqualTo("POST /apis/sources.knative.dev/v1/namespaces/default/pingsources");
        assertThat(lastBody().path("spec").toString()).isEqualTo("""
                {"schedule":"*/1 * * * *","data":"{}","sink":{"ref":{"apiVersion":"eventing.knative.dev/v1",\
                "kind":"Broker","name":"default"}},"ceOverrides":{"extensions":{"team":"a"}}}""");
        assertThat(kumo("source", "ping", "list").out()).isEqualTo("""
                NAME   SCHEDULE      SINK             AGE   CONDITIONS   READY       REASON
                tick   */1 * * * *   broker:default   5m    0 OK / 0     <unknown>   <unknown>
                """);
        assertThat(kumo("source", "ping", "describe", "tick").out()).isEqualTo("""
                Name:       tick
                Namespace:  default
                Age:        5m
                Schedule:   */1 * * * *
                Data:       {}
                Sink:       broker:default

                CloudEvent Overrides:
                  team: a
                """);
        assertThat(kumo("source", "ping", "delete", "tick").out())
                .isEqualTo("Ping source 'tick' successfully deleted in namespace 'default'.\n");
    }

    @Test
    void pingSourceDataMayBeBase64() {
        kumo("source", "ping", "create", "bin", "--data", "ZGF0YQ==", "--encoding", "base64", "--sink",
                "http://x.example");

        assertThat(lastBody().at("/spec/dataBase64").asText()).isEqualTo("ZGF0YQ==");
        assertThat(lastBody().at("/spec/data").isMissingNode()).isTrue();
    }

    @Test
    void getListsEventingKindsWithTheirColumns() {
        kumo("broker", "create", "default");

        assertThat(kumo("get", "brokers").out()).startsWith("NAME      URL   AGE   CONDITIONS   READY");
        assertThat(kumo("get", "pingsource").err()).isEqualTo("No pingsources found in namespace default.\n");
    }
}
