package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo channel}: the verbs on Knative Channels, in kn's grammar. */
@Command(name = "channel", aliases = "channels", description = "Manage Knative Channels.",
        subcommands = {ChannelCommand.Create.class, ChannelCommand.Describe.class, ChannelCommand.List.class,
            ChannelCommand.Delete.class})
public final class ChannelCommand extends GroupCommand {

    private static final String LABEL = "Channel";

    /** {@code kumo channel create NAME [--type imcv1|GROUP:VERSION:KIND]}. */
    @Command(name = "create", description = "Create a Channel (backed by the server's default channel kind, "
            + "InMemoryChannel, unless --type says).")
    static final class Create extends CreateVerb {

        @Option(names = "--type", paramLabel = "TYPE", description = "The backing channel: imcv1 (InMemoryChannel) "
                + "or GROUP:VERSION:KIND, e.g. messaging.knative.dev:v1:InMemoryChannel.")
        String channelType;

        Create(Session session) {
            super(session, ResourceTypes.CHANNEL, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            if (channelType != null) {
                object.withObjectProperty("spec").set("channelTemplate", template(channelType));
            }
        }

        static ObjectNode template(String value) {
            if (value.equals("imc") || value.equals("imcv1")) {
                return dev.kumo.api.codec.Json.object().put("apiVersion", "messaging.knative.dev/v1")
                        .put("kind", "InMemoryChannel");
            }
            String[] parts = value.split(":", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw new BadFlag("invalid --type '" + value + "': want imcv1 or GROUP:VERSION:KIND, e.g. "
                        + "messaging.knative.dev:v1:InMemoryChannel");
            }
            return dev.kumo.api.codec.Json.object().put("apiVersion", parts[0] + "/" + parts[1])
                    .put("kind", parts[2]);
        }
    }

    /** {@code kumo channel describe NAME}. */
    @Command(name = "describe", description = "Show details of a Channel and its subscribers.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.CHANNEL);
        }

        @Override
        void describe(JsonNode channel, DescribeBlock block) {
            java.util.List<String> subscribers = new ArrayList<>();
            for (JsonNode subscriber : channel.at("/spec/subscribers")) {
                subscribers.add(subscriber.path("subscriberUri").asText("-")
                        + (subscriber.has("replyUri") ? " → reply " + subscriber.path("replyUri").asText() : ""));
            }
            block.attribute("Type", channel.at("/spec/channelTemplate/kind").asText("") + " ("
                    + channel.at("/spec/channelTemplate/apiVersion").asText("") + ")")
                    .attribute("URL", channel.at("/status/address/url").asText(""))
                    .section("Subscribers", subscribers);
        }
    }

    /** {@code kumo channel list}. */
    @Command(name = "list", aliases = "ls", description = "List Channels.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.CHANNEL);
        }
    }

    /** {@code kumo channel delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete Channels.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.CHANNEL, LABEL);
        }
    }
}
