package dev.kumo.cli.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import org.junit.jupiter.api.Test;

/** channel, subscription, sequence and parallel create|update|describe|list|delete against the fake API server. */
class MessagingCommandsTest extends EventingCliTest {

    @Test
    void channelCreatePostsTheTypeAndDescribeListsSubscribers() {
        CliResult result = kumo("channel", "create", "events", "--type", "imcv1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Channel 'events' successfully created in namespace 'default'.\n");
        assertThat(lastBody().path("spec").toString()).isEqualTo(
                "{\"channelTemplate\":{\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"InMemoryChannel\"}}");

        ObjectNode channel = server.stored(ResourceTypes.CHANNEL, "default", "events").orElseThrow();
        channel.withObjectProperty("spec").putArray("subscribers").addObject().put("uid", "u1")
                .put("subscriberUri", "http://display.example/").put("replyUri", "http://next.example/");
        server.seed(ResourceTypes.CHANNEL, channel);
        assertThat(kumo("channel", "describe", "events").out()).contains(
                "Type:", "InMemoryChannel (messaging.knative.dev/v1)",
                "http://display.example/ → reply http://next.example/");
        assertThat(kumo("channel", "delete", "events").out())
                .isEqualTo("Channel 'events' successfully deleted in namespace 'default'.\n");
    }

    @Test
    void channelCreateRefusesAnUnknownType() {
        CliResult result = kumo("channel", "create", "events", "--type", "kafka");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("invalid --type 'kafka': want imcv1 or GROUP:VERSION:KIND");
    }

    @Test
    void subscriptionCreatePostsChannelSinkReplyAndDeadLetterSink() {
        CliResult result = kumo("subscription", "create", "display", "--channel", "imcv1:events", "--sink",
                "ksvc:display", "--sink-reply", "channel:next", "--sink-dead-letter", "http://dead.example/");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(lastBody().path("spec").toString()).isEqualTo("""
                {"channel":{"apiVersion":"messaging.knative.dev/v1","kind":"InMemoryChannel","name":"events"},\
                "subscriber":{"ref":{"apiVersion":"serving.knative.dev/v1","kind":"Service","name":"display"}},\
                "reply":{"ref":{"apiVersion":"messaging.knative.dev/v1","kind":"Channel","name":"next"}},\
                "delivery":{"deadLetterSink":{"uri":"http://dead.example/"}}}""");
    }

    @Test
    void subscriptionUpdateChangesTheSinkButNotTheChannel() {
        kumo("subscription", "create", "display", "--channel", "events", "--sink", "ksvc:display");

        assertThat(kumo("subscription", "update", "display", "--sink", "http://other.example/").exitCode()).isZero();
        assertThat(server.stored(ResourceTypes.SUBSCRIPTION, "default", "display").orElseThrow()
                .at("/spec/subscriber/uri").asText()).isEqualTo("http://other.example/");
        CliResult moved = kumo("subscription", "update", "display", "--channel", "other");
        assertThat(moved.exitCode()).isEqualTo(1);
        assertThat(moved.err()).contains("a Subscription's channel cannot change");
    }

    @Test
    void sequenceCreatePostsStepsInOrderAndDescribeDrawsTheFlow() {
        CliResult result = kumo("sequence", "create", "seq", "--step", "ksvc:first", "--step",
                "http://second.example/", "--reply", "ksvc:end");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(lastBody().path("spec").toString()).isEqualTo("""
                {"steps":[{"ref":{"apiVersion":"serving.knative.dev/v1","kind":"Service","name":"first"}},\
                {"uri":"http://second.example/"}],"reply":{"ref":{"apiVersion":"serving.knative.dev/v1",\
                "kind":"Service","name":"end"}}}""");
        assertThat(kumo("sequence", "describe", "seq").out()).contains(
                "● seq (no address yet)", "│  channel seq-kn-sequence-0", "├─▶ step 0: ksvc:first",
                "├─▶ step 1: http://second.example/", "└─▶ reply: ksvc:end");
        assertThat(kumo("sequence", "create", "empty").err()).contains("missing --step");
    }

    @Test
    void parallelCreatePostsBranchesWithFiltersAndDescribeDrawsThem() {
        CliResult result = kumo("parallel", "create", "par", "--branch", "ksvc:one,filter=ksvc:only-orders",
                "--branch", "ksvc:two,reply=http://elsewhere.example/", "--reply", "ksvc:end");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(lastBody().at("/spec/branches/0/filter/ref/name").asText()).isEqualTo("only-orders");
        assertThat(lastBody().at("/spec/branches/1/reply/uri").asText()).isEqualTo("http://elsewhere.example/");
        assertThat(kumo("parallel", "describe", "par").out()).contains(
                "├─▶ branch 0: filter ksvc:only-orders ─▶ ksvc:one ─▶ reply ksvc:end",
                "└─▶ branch 1: (every event) ─▶ ksvc:two ─▶ reply http://elsewhere.example/");
        assertThat(kumo("parallel", "create", "bad", "--branch", "ksvc:x,when=y").err())
                .contains("want SUBSCRIBER[,filter=SINK][,reply=SINK]");
    }
}
