package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kumo source apiserver}: the verbs on ApiServerSources, which send the API server's changes as events. */
@Command(name = "apiserver", description = "Manage ApiServerSources: changes of objects sent as events.",
        subcommands = {ApiServerCommand.Create.class, ApiServerCommand.Update.class, ApiServerCommand.Describe.class,
            ApiServerCommand.List.class, ApiServerCommand.Delete.class})
public final class ApiServerCommand extends GroupCommand {

    private static final String LABEL = "ApiServer source";

    /** The flags create and update share; update changes only those given. */
    static final class Flags {

        @Option(names = "--resource", paramLabel = "KIND:APIVERSION[:SELECTOR]", description = "A kind to watch, "
                + "optionally only objects with labels KEY=VALUE,..., e.g. Event:v1 or "
                + "Revision:serving.knative.dev/v1:app=x (repeatable; required on create, replaces all on update).")
        java.util.List<String> resources = new ArrayList<>();

        @Option(names = "--mode", paramLabel = "MODE", description = "Reference (events carry a reference to the "
                + "object; the default) or Resource (the whole object).")
        String mode;

        @Option(names = "--service-account", paramLabel = "NAME", description = "The service account to watch as "
                + "(kept as written: Kumo has no RBAC).")
        String serviceAccount;

        @Mixin
        SourceFlags source;

        void fill(ObjectNode spec, boolean creating) {
            if (!resources.isEmpty()) {
                ArrayNode watched = spec.putArray("resources");
                resources.forEach(resource -> watched.add(KindFlag.resource(resource)));
            } else if (creating) {
                throw new BadFlag("missing --resource: say what to watch, e.g. --resource Event:v1 or "
                        + "--resource Revision:serving.knative.dev/v1:app=x");
            }
            if (mode != null) {
                if (!mode.equals(ApiServerSource.REFERENCE_MODE) && !mode.equals(ApiServerSource.RESOURCE_MODE)) {
                    throw new BadFlag("invalid --mode '" + mode + "': want Reference or Resource");
                }
                spec.put("mode", mode);
            } else if (creating) {
                spec.put("mode", ApiServerSource.REFERENCE_MODE);
            }
            if (serviceAccount != null) {
                spec.put("serviceAccountName", serviceAccount);
            }
            source.fill(spec, creating);
        }
    }

    /** {@code kumo source apiserver create NAME --resource R... --sink S [--mode M] [--service-account A]}. */
    @Command(name = "create", description = "Create an ApiServerSource.")
    static final class Create extends CreateVerb {

        @Mixin
        Flags flags;

        Create(Session session) {
            super(session, ResourceTypes.API_SERVER_SOURCE, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), true);
        }
    }

    /** {@code kumo source apiserver update NAME [flags]}. */
    @Command(name = "update", description = "Update an ApiServerSource.")
    static final class Update extends UpdateVerb {

        @Mixin
        Flags flags;

        Update(Session session) {
            super(session, ResourceTypes.API_SERVER_SOURCE, LABEL);
        }

        @Override
        void edit(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), false);
        }
    }

    /** {@code kumo source apiserver describe NAME}. */
    @Command(name = "describe", description = "Show details of an ApiServerSource.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.API_SERVER_SOURCE);
        }

        @Override
        void describe(JsonNode source, DescribeBlock block) {
            JsonNode spec = source.path("spec");
            java.util.List<String> resources = new ArrayList<>();
            spec.path("resources").forEach(resource -> resources.add(KindFlag.describe(resource)));
            block.attribute("Service Account", spec.path("serviceAccountName").asText(""))
                    .attribute("Mode", spec.path("mode").asText(""))
                    .attribute("Sink", Sink.describe(spec.path("sink")))
                    .attribute("Sink URI", source.at("/status/sinkUri").asText(""))
                    .section("Resources", resources)
                    .section("CloudEvent Overrides", SourceFlags.overrides(spec));
        }
    }

    /** {@code kumo source apiserver list}. */
    @Command(name = "list", aliases = "ls", description = "List ApiServerSources.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.API_SERVER_SOURCE);
        }
    }

    /** {@code kumo source apiserver delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete ApiServerSources.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.API_SERVER_SOURCE, LABEL);
        }
    }
}
