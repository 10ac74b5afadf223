package dev.kumo.api.messaging;

import static dev.kumo.api.testing.KindFixtures.patched;
import static dev.kumo.api.testing.KindFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.flows.kinds.FlowsKinds;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.messaging.kinds.MessagingKinds;
import dev.kumo.api.testing.KindFixtures;
import dev.kumo.api.testing.ValidationRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The messaging and flows kinds are defaulted and validated as Knative's webhooks do. */
class MessagingAdmissionTest {

    static final String CHANNEL = """
            apiVersion: messaging.knative.dev/v1
            kind: Channel
            metadata: {name: events, namespace: default}
            """;
    static final String SUBSCRIPTION = """
            apiVersion: messaging.knative.dev/v1
            kind: Subscription
            metadata: {name: display, namespace: default}
            spec:
              channel: {apiVersion: messaging.knative.dev/v1, kind: Channel, name: events}
              subscriber: {ref: {apiVersion: serving.knative.dev/v1, kind: Service, name: display}}
            """;
    static final String SEQUENCE = """
            apiVersion: flows.knative.dev/v1
            kind: Sequence
            metadata: {name: seq, namespace: default}
            spec:
              steps: [{uri: "http://first.example"}]
            """;
    static final String PARALLEL = """
            apiVersion: flows.knative.dev/v1
            kind: Parallel
            metadata: {name: par, namespace: default}
            spec:
              branches: [{subscriber: {uri: "http://one.example"}}]
            """;
    private static final ChannelTemplate KAFKA = new ChannelTemplate("messaging.knative.dev/v1", "KafkaChannel", null);
    private static final KindFixtures KINDS = fixtures(ChannelTemplate.IN_MEMORY_CHANNEL);

    @Test
    void aChannelGetsTheConfiguredTemplateAndTheSubscribableAnnotation() {
        JsonNode channel = KINDS.admit(yaml(CHANNEL)).object();
        assertThat(channel.at("/spec/channelTemplate").toString())
                .isEqualTo("{\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"InMemoryChannel\"}");
        assertThat(channel.at("/metadata/annotations").path("messaging.knative.dev/subscribable").asText())
                .isEqualTo("v1");

        JsonNode other = fixtures(KAFKA).admit(yaml(CHANNEL)).object();
        assertThat(other.at("/spec/channelTemplate/kind").asText()).isEqualTo("KafkaChannel");
    }

    @Test
    void aChannelsTemplateCannotChange() {
        ObjectNode stored = KINDS.admit(yaml(CHANNEL)).object();

        assertThat(KINDS.causes(patched(CHANNEL, "spec: {channelTemplate: {apiVersion: messaging.knative.dev/v1, "
                + "kind: KafkaChannel}}"), Optional.of(stored))).extracting(FieldError::field)
                .containsExactly("spec.channelTemplate");
        assertThat(KINDS.admit(yaml(CHANNEL), Optional.of(stored), FieldValidation.Strict).object()
                .at("/spec/channelTemplate/kind").asText()).as("an update without a template keeps its own")
                .isEqualTo("InMemoryChannel");
    }

    @Test
    void aSubscriptionsChannelCannotChangeAndItsRefsGetItsNamespace() {
        ObjectNode stored = KINDS.admit(yaml(SUBSCRIPTION)).object();
        assertThat(stored.at("/spec/subscriber/ref/namespace").asText()).isEqualTo("default");

        assertThat(KINDS.causes(patched(SUBSCRIPTION, "spec: {channel: {name: other}}"), Optional.of(stored)))
                .extracting(FieldError::field).containsExactly("spec.channel");
    }

    @Test
    void aNamespacesDefaultTemplateWinsOverTheClustersInThatNamespaceOnly() {
        KindFixtures kinds = fixtures(new ChannelDefaults(ChannelTemplate.IN_MEMORY_CHANNEL,
                java.util.Map.of("default", KAFKA)));

        assertThat(kinds.admit(yaml(CHANNEL)).object().at("/spec/channelTemplate/kind").asText())
                .isEqualTo("KafkaChannel");
        assertThat(kinds.admit(yaml(SEQUENCE)).object().at("/spec/channelTemplate/kind").asText())
                .isEqualTo("KafkaChannel");
        assertThat(kinds.admit(yaml(PARALLEL)).object().at("/spec/channelTemplate/kind").asText())
                .isEqualTo("KafkaChannel");
        assertThat(kinds.admit(yaml(CHANNEL.replace("namespace: default", "namespace: other"))).object()
                .at("/spec/channelTemplate/kind").asText()).isEqualTo("InMemoryChannel");
    }

    @Test
    void sequencesAndParallelsGetTheTemplate() {
        assertThat(KINDS.admit(yaml(SEQUENCE)).object().at("/spec/channelTemplate/kind").asText())
                .isEqualTo("InMemoryChannel");
        assertThat(KINDS.admit(yaml(PARALLEL)).object().at("/spec/channelTemplate/kind").asText())
                .isEqualTo("InMemoryChannel");
    }

    static Stream<ValidationRow> rows() {
        return Stream.of(
                new ValidationRow("a Subscription names its channel", SUBSCRIPTION, "spec: {channel: null}",
                        "spec.channel", "spec.channel: Required value: the channel to subscribe to (apiVersion, "
                                + "kind, name)"),
                new ValidationRow("a Subscription has a subscriber or a reply", SUBSCRIPTION,
                        "spec: {subscriber: null}", "spec.reply, spec.subscriber",
                        "spec.reply, spec.subscriber: Required value: expected at least one, got none"),
                new ValidationRow("a Subscription's delivery order is ordered or unordered", SUBSCRIPTION,
                        "metadata: {annotations: {kafka.eventing.knative.dev/delivery.order: sorted}}",
                        "metadata.annotations.kafka.eventing.knative.dev/delivery.order",
                        "metadata.annotations.kafka.eventing.knative.dev/delivery.order: Unsupported value: "
                                + "\"sorted\": supported values: \"unordered\", \"ordered\""),
                new ValidationRow("a Sequence has at least one step", SEQUENCE, "spec: {steps: []}", "spec.steps",
                        "spec.steps: Required value: expected at least one step"),
                new ValidationRow("a step is somewhere", SEQUENCE, "spec: {steps: [{}]}", "spec.steps[0]",
                        "spec.steps[0]: Required value: expected at least one, got none: ref, uri"),
                new ValidationRow("a Parallel has at least one branch", PARALLEL, "spec: {branches: []}",
                        "spec.branches", "spec.branches: Required value: expected at least one branch"),
                new ValidationRow("a branch has a subscriber", PARALLEL,
                        "spec: {branches: [{filter: {uri: \"http://f.example\"}}]}", "spec.branches[0].subscriber",
                        "spec.branches[0].subscriber: Required value: expected at least one, got none: ref, uri"),
                new ValidationRow("a channel template names a kind", CHANNEL,
                        "spec: {channelTemplate: {apiVersion: messaging.knative.dev/v1}}",
                        "spec.channelTemplate.kind", "spec.channelTemplate.kind: Required value: e.g. "
                                + "InMemoryChannel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusesWithTheFieldAndMessage(ValidationRow row) {
        KINDS.assertRefuses(row);
    }

    private static KindFixtures fixtures(ChannelTemplate template) {
        return fixtures(ChannelDefaults.of(template));
    }

    private static KindFixtures fixtures(ChannelDefaults defaults) {
        List<KindDefinition> kinds = new ArrayList<>(MessagingKinds.all(defaults));
        kinds.addAll(FlowsKinds.all(defaults));
        return new KindFixtures(kinds);
    }
}
