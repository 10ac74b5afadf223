package dev.kumo.cli.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.ConditionLines;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo domain}: DomainMappings, a custom domain name for a Service, as {@code kn domain}. */
@Command(name = "domain", aliases = "domains", description = "Manage domain mappings (custom domains for Services).",
        subcommands = {DomainCommand.Create.class, DomainCommand.Update.class, DomainCommand.Describe.class,
            DomainCommand.List.class, DomainCommand.Delete.class})
public final class DomainCommand extends GroupCommand {

    private static final String LABEL = "Domain mapping";

    /** {@code create|update NAME --ref REF [--tls SECRET]}. */
    abstract static class Write implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The domain name to map, e.g. hello.example.com.")
        String name;

        @Option(names = "--tls", paramLabel = "SECRET", description = "Enable TLS and point to the secret that "
                + "holds the server certificate.")
        String tls;

        @Spec
        CommandSpec spec;

        final Session session;

        Write(Session session) {
            this.session = session;
        }

        /** Sets {@code spec.ref} from {@code ref} (when given) and {@code spec.tls} from --tls. */
        final void fill(ObjectNode object, String ref) {
            ObjectNode spec = object.withObjectProperty("spec");
            if (ref != null) {
                try {
                    spec.set("ref", DomainRef.parse(ref).toJson(session.namespace()));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(this.spec.commandLine(), e.getMessage());
                }
            }
            if (tls != null) {
                spec.putObject("tls").put("secretName", tls);
            }
        }

        final void say(String outcome) {
            session.out().println(LABEL + " '" + name + "' " + outcome + " in namespace '" + session.namespace()
                    + "'.");
            session.out().flush();
        }
    }

    /** {@code kumo domain create NAME --ref REF [--tls SECRET]}. */
    @Command(name = "create", description = "Create a domain mapping.")
    static final class Create extends Write {

        @Option(names = "--ref", required = true, paramLabel = "REF", description = "Addressable target: a Knative "
                + "Service as NAME or ksvc:NAME, a Route as kroute:NAME.")
        String ref;

        Create(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            ObjectNode object = Json.object().put("apiVersion", ResourceTypes.DOMAIN_MAPPING.apiVersion())
                    .put("kind", ResourceTypes.DOMAIN_MAPPING.kind());
            object.putObject("metadata").put("name", name).put("namespace", session.namespace());
            fill(object, ref);
            try {
                session.client().create(ResourceTypes.DOMAIN_MAPPING, session.namespace(), object);
            } catch (ApiError e) {
                if (e.status().code() != 409) {
                    throw e;
                }
                throw new CliException("domain mapping '" + name + "' already exists in namespace '"
                        + session.namespace() + "'", "Change it with 'kumo domain update " + name
                        + " --ref SERVICE', or delete it first with 'kumo domain delete " + name + "'.");
            }
            say("created");
            return 0;
        }
    }

    /** {@code kumo domain update NAME [--ref REF] [--tls SECRET]}. */
    @Command(name = "update", description = "Update a domain mapping.")
    static final class Update extends Write {

        @Option(names = "--ref", paramLabel = "REF", description = "Addressable target: a Knative Service as NAME "
                + "or ksvc:NAME, a Route as kroute:NAME.")
        String ref;

        Update(Session session) {
            super(session);
        }

        @Override
        public Integer call() {
            if (ref == null && tls == null) {
                throw new ParameterException(spec.commandLine(), "nothing to update: give --ref, --tls or both");
            }
            ObjectNode object = session.client().get(ResourceTypes.DOMAIN_MAPPING, session.namespace(), name)
                    .deepCopy();
            fill(object, ref);
            session.client().replace(ResourceTypes.DOMAIN_MAPPING, session.namespace(), name, object);
            say("updated");
            return 0;
        }
    }

    /** {@code kumo domain describe NAME}: as kn's, the URL, the reference and the conditions. */
    @Command(name = "describe", description = "Show details of a domain mapping.")
    static final class Describe implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The domain mapping.")
        String name;

        private final Session session;

        Describe(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            JsonNode mapping = session.client().get(ResourceTypes.DOMAIN_MAPPING, session.namespace(), name);
            if (session.printRaw(mapping, ResourceTypes.DOMAIN_MAPPING)) {
                return 0;
            }
            JsonNode metadata = mapping.path("metadata");
            JsonNode ref = mapping.at("/spec/ref");
            java.util.List<String> reference = new ArrayList<>(java.util.List.of(
                    "APIVersion:  " + ref.path("apiVersion").asText(""), "Kind:        " + ref.path("kind").asText(""),
                    "Name:        " + ref.path("name").asText("")));
            if (!ref.path("namespace").asText("").equals(metadata.path("namespace").asText())) {
                reference.add("Namespace:   " + ref.path("namespace").asText(""));
            }
            DescribeBlock block = new DescribeBlock()
                    .attribute("Name", metadata.path("name").asText())
                    .attribute("Namespace", metadata.path("namespace").asText())
                    .attribute("Age", Age.of(mapping, session.now()))
                    .attribute("URL", mapping.at("/status/url").asText(""));
            if (mapping.at("/spec/tls").has("secretName")) {
                block.attribute("TLS Secret", mapping.at("/spec/tls/secretName").asText());
            }
            session.out().print(block.section("Reference", reference)
                    .section("Conditions", ConditionLines.of(mapping, session.now())).render());
            session.out().flush();
            return 0;
        }
    }

    /** {@code kumo domain list}: NAME URL READY KSVC. */
    @Command(name = "list", aliases = "ls", description = "List domain mappings.")
    static final class List implements Callable<Integer> {

        private final Session session;

        List(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ListOutput.printTable(session, ResourceTypes.DOMAIN_MAPPING);
            return 0;
        }
    }

    /** {@code kumo domain delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete domain mappings.")
    static final class Delete implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "The domain mappings to delete.")
        java.util.List<String> names;

        private final Session session;

        Delete(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            for (String name : names) {
                session.client().delete(ResourceTypes.DOMAIN_MAPPING, session.namespace(), name);
                session.out().println(LABEL + " '" + name + "' deleted in namespace '" + session.namespace() + "'.");
            }
            session.out().flush();
            return 0;
        }
    }
}
