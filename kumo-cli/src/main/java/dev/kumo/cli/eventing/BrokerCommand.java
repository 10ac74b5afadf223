package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.eventing.Broker;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kumo broker}: the verbs on Knative Brokers. */
@Command(name = "broker", aliases = "brokers", description = "Manage Knative Brokers.",
        subcommands = {BrokerCommand.Create.class, BrokerCommand.Update.class, BrokerCommand.Describe.class,
            BrokerCommand.List.class, BrokerCommand.Delete.class})
public final class BrokerCommand extends GroupCommand {

    private static final String LABEL = "Broker";
    private static final String CLASS = Broker.CLASS_ANNOTATION;

    /** The flags create and update share; update changes only the delivery flags given, and never the class. */
    static final class Flags {

        @Option(names = "--class", paramLabel = "CLASS", description = "Broker class (default: the server's, "
                + "KumoBroker). Cannot change on update.")
        String brokerClass;

        @Mixin
        DeliveryOptions delivery;

        void fill(ObjectNode object, boolean creating) {
            if (creating && brokerClass != null) {
                object.withObjectProperty("metadata").putObject("annotations").put(CLASS, brokerClass);
            }
            if (!creating) {
                refuseClassChange(object.at("/metadata/annotations").path(CLASS).asText());
                if (!delivery.given()) {
                    throw new BadFlag("nothing to update: give one or more of --dl-sink, --retry, --backoff-policy, "
                            + "--backoff-delay, --timeout, --retry-after-max");
                }
            }
            delivery.fill(object.withObjectProperty("spec"));
        }

        private void refuseClassChange(String current) {
            if (brokerClass != null && !brokerClass.equals(current)) {
                throw new BadFlag("invalid --class '" + brokerClass + "': a Broker's class cannot change and this "
                        + "one is of class '" + current + "'; delete the broker and create it again with --class "
                        + brokerClass);
            }
        }
    }

    /** {@code kumo broker create NAME [--class C] [delivery flags]}. */
    @Command(name = "create", description = "Create a Broker (of Kumo's durable class unless --class says).")
    static final class Create extends CreateVerb {

        @Mixin
        Flags flags;

        Create(Session session) {
            super(session, ResourceTypes.BROKER, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            flags.fill(object, true);
        }
    }

    /** {@code kumo broker update NAME [delivery flags]}. */
    @Command(name = "update", description = "Update a Broker's delivery (its class cannot change).")
    static final class Update extends UpdateVerb {

        @Mixin
        Flags flags;

        Update(Session session) {
            super(session, ResourceTypes.BROKER, LABEL);
        }

        @Override
        void edit(ObjectNode object) {
            flags.fill(object, false);
        }
    }

    /** {@code kumo broker describe NAME}. */
    @Command(name = "describe", description = "Show details of a Broker.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.BROKER);
        }

        @Override
        void describe(JsonNode broker, DescribeBlock block) {
            JsonNode delivery = broker.at("/spec/delivery");
            block.attribute("Class", broker.at("/metadata/annotations").path(CLASS).asText(""))
                    .attribute("URL", broker.at("/status/address/url").asText(""))
                    .attribute("Dead Letter Sink", delivery.has("deadLetterSink")
                            ? Sink.describe(delivery.path("deadLetterSink")) : "")
                    .attribute("Retry", delivery.path("retry").asText(""))
                    .attribute("Backoff", (delivery.path("backoffPolicy").asText("") + " "
                            + delivery.path("backoffDelay").asText("")).trim())
                    .attribute("Timeout", delivery.path("timeout").asText(""));
        }
    }

    /** {@code kumo broker list}. */
    @Command(name = "list", aliases = "ls", description = "List Brokers.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.BROKER);
        }
    }

    /** {@code kumo broker delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete Brokers.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.BROKER, LABEL);
        }
    }
}
