package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kumo subscription}: the verbs on Knative Subscriptions, with kn's flags. */
@Command(name = "subscription", aliases = {"subscriptions", "sub"}, description = "Manage Knative Subscriptions.",
        subcommands = {SubscriptionCommand.Create.class, SubscriptionCommand.Update.class,
            SubscriptionCommand.Describe.class, SubscriptionCommand.List.class, SubscriptionCommand.Delete.class})
public final class SubscriptionCommand extends GroupCommand {

    private static final String LABEL = "Subscription";

    /** The flags create and update share; update changes only those given, and never the channel. */
    static final class Flags {

        @Option(names = "--channel", paramLabel = "CHANNEL", description = "The channel to subscribe to: NAME (a "
                + "Channel), channel:NAME or imcv1:NAME (an InMemoryChannel). Cannot change on update.")
        String channel;

        @Option(names = {"-s", "--sink"}, paramLabel = "SINK", description = "Where the channel's events go: "
                + "ksvc:NAME[:NAMESPACE], broker:NAME, channel:NAME or a URL.")
        String sink;

        @Option(names = "--sink-reply", paramLabel = "SINK", description = "Where the subscriber's replies go.")
        String reply;

        @Option(names = "--sink-dead-letter", paramLabel = "SINK", description = "Where events go that the "
                + "subscriber or the reply failed to take.")
        String deadLetter;

        void fill(ObjectNode spec, boolean creating) {
            if (creating) {
                if (channel == null) {
                    throw new BadFlag("missing --channel: name the channel to subscribe to, as NAME or imcv1:NAME");
                }
                spec.set("channel", channelRef(channel));
            } else if (channel != null && !channelRef(channel).equals(spec.path("channel"))) {
                throw new BadFlag("invalid --channel '" + channel + "': a Subscription's channel cannot change and "
                        + "this one reads '" + spec.path("channel").path("name").asText() + "'; delete the "
                        + "subscription and create it again with --channel " + channel);
            }
            if (sink != null) {
                spec.set("subscriber", Sink.parse(sink, "--sink"));
            }
            if (reply != null) {
                spec.set("reply", Sink.parse(reply, "--sink-reply"));
            }
            if (deadLetter != null) {
                spec.withObjectProperty("delivery").set("deadLetterSink", Sink.parse(deadLetter,
                        "--sink-dead-letter"));
            }
            if (creating && sink == null && reply == null) {
                throw new BadFlag("missing --sink or --sink-reply: say where the channel's events go");
            }
        }

        static ObjectNode channelRef(String value) {
            String[] parts = value.split(":", -1);
            String kind = parts.length == 1 || parts[0].equals("channel") ? "Channel"
                    : parts[0].equals("imc") || parts[0].equals("imcv1") ? "InMemoryChannel" : null;
            String name = parts[parts.length - 1];
            if (kind == null || parts.length > 2 || name.isEmpty()) {
                throw new BadFlag("invalid --channel '" + value + "': want NAME, channel:NAME or imcv1:NAME");
            }
            return Json.object().put("apiVersion", "messaging.knative.dev/v1").put("kind", kind).put("name", name);
        }
    }

    /** {@code kumo subscription create NAME --channel C [--sink S] [--sink-reply S] [--sink-dead-letter S]}. */
    @Command(name = "create", description = "Create a Subscription: the channel's events go to the sink, its "
            + "replies to the reply sink.")
    static final class Create extends CreateVerb {

        @Mixin
        Flags flags;

        Create(Session session) {
            super(session, ResourceTypes.SUBSCRIPTION, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), true);
        }
    }

    /** {@code kumo subscription update NAME [--sink S] [--sink-reply S] [--sink-dead-letter S]}. */
    @Command(name = "update", description = "Update a Subscription (its channel cannot change).")
    static final class Update extends UpdateVerb {

        @Mixin
        Flags flags;

        Update(Session session) {
            super(session, ResourceTypes.SUBSCRIPTION, LABEL);
        }

        @Override
        void edit(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), false);
        }
    }

    /** {@code kumo subscription describe NAME}. */
    @Command(name = "describe", description = "Show details of a Subscription.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.SUBSCRIPTION);
        }

        @Override
        void describe(JsonNode subscription, DescribeBlock block) {
            JsonNode spec = subscription.path("spec");
            block.attribute("Channel", spec.path("channel").path("kind").asText("") + ":"
                            + spec.path("channel").path("name").asText(""))
                    .attribute("Subscriber", spec.has("subscriber") ? Sink.describe(spec.path("subscriber")) : "")
                    .attribute("Reply", spec.has("reply") ? Sink.describe(spec.path("reply")) : "")
                    .attribute("DeadLetterSink", spec.at("/delivery/deadLetterSink").isMissingNode() ? ""
                            : Sink.describe(spec.at("/delivery/deadLetterSink")));
        }
    }

    /** {@code kumo subscription list}. */
    @Command(name = "list", aliases = "ls", description = "List Subscriptions.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.SUBSCRIPTION);
        }
    }

    /** {@code kumo subscription delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete Subscriptions.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.SUBSCRIPTION, LABEL);
        }
    }
}
