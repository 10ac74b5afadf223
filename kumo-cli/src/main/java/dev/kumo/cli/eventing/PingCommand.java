package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kumo source ping}: the verbs on PingSources. */
@Command(name = "ping", description = "Manage PingSources: events sent on a cron schedule.",
        subcommands = {PingCommand.Create.class, PingCommand.Update.class, PingCommand.Describe.class,
            PingCommand.List.class, PingCommand.Delete.class})
public final class PingCommand extends GroupCommand {

    private static final String LABEL = "Ping source";

    /** The flags create and update share; update changes only those given. */
    static final class Flags {

        @Option(names = "--schedule", paramLabel = "CRON",
                description = "Cron schedule, e.g. \"*/2 * * * *\" (default: every minute).")
        String schedule;

        @Option(names = {"-d", "--data"}, paramLabel = "DATA", description = "The event's data; on update, "
                + "replaces the data in either encoding (an empty value removes it).")
        String data;

        @Option(names = {"-e", "--encoding"}, paramLabel = "ENCODING",
                description = "How --data is given: text (the default) or base64.")
        String encoding;

        @Option(names = "--timezone", paramLabel = "ZONE", description = "Time zone of the schedule, e.g. "
                + "Europe/Paris (an empty value removes it).")
        String timezone;

        @Mixin
        SourceFlags source;

        void fill(ObjectNode spec, boolean creating) {
            if (schedule != null) {
                spec.put("schedule", schedule);
            }
            if (timezone != null && timezone.isEmpty()) {
                spec.remove("timezone");
            } else if (timezone != null) {
                spec.put("timezone", timezone);
            }
            if (data != null) {
                fillData(spec);
            } else if (encoding != null) {
                throw new BadFlag("--encoding '" + encoding + "' without --data: give the data it describes, e.g. "
                        + "--data ZGF0YQ== --encoding base64");
            }
            source.fill(spec, creating);
        }

        /** Knative takes {@code data} xor {@code dataBase64}: the one given replaces both. */
        private void fillData(ObjectNode spec) {
            String field = switch (encoding == null ? "text" : encoding) {
                case "text" -> "data";
                case "base64" -> "dataBase64";
                default -> throw new BadFlag("invalid --encoding '" + encoding + "': want text or base64");
            };
            spec.remove(java.util.List.of("data", "dataBase64"));
            if (!data.isEmpty()) {
                spec.put(field, data);
            }
        }
    }

    /** {@code kumo source ping create NAME --sink S [--schedule CRON] [--data D [--encoding base64]]}. */
    @Command(name = "create", description = "Create a PingSource.")
    static final class Create extends CreateVerb {

        @Mixin
        Flags flags;

        Create(Session session) {
            super(session, ResourceTypes.PING_SOURCE, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), true);
        }
    }

    /** {@code kumo source ping update NAME [flags]}. */
    @Command(name = "update", description = "Update a PingSource.")
    static final class Update extends UpdateVerb {

        @Mixin
        Flags flags;

        Update(Session session) {
            super(session, ResourceTypes.PING_SOURCE, LABEL);
        }

        @Override
        void edit(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), false);
        }
    }

    /** {@code kumo source ping describe NAME}. */
    @Command(name = "describe", description = "Show details of a PingSource.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.PING_SOURCE);
        }

        @Override
        void describe(JsonNode source, DescribeBlock block) {
            JsonNode spec = source.path("spec");
            block.attribute("Schedule", spec.path("schedule").asText(""))
                    .attribute("Timezone", spec.path("timezone").asText(""))
                    .attribute("Data", spec.has("dataBase64") ? spec.path("dataBase64").asText() + " (base64)"
                            : spec.path("data").asText(""))
                    .attribute("Sink", Sink.describe(spec.path("sink")))
                    .attribute("Sink URI", source.at("/status/sinkUri").asText(""))
                    .section("CloudEvent Overrides", SourceFlags.overrides(spec));
        }
    }

    /** {@code kumo source ping list}. */
    @Command(name = "list", aliases = "ls", description = "List PingSources.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.PING_SOURCE);
        }
    }

    /** {@code kumo source ping delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete PingSources.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.PING_SOURCE, LABEL);
        }
    }
}
