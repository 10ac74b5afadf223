package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.printing.References;
import dev.kumo.cli.base.NextWord;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.service.EnvEdits;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kumo source container}: the verbs on ContainerSources, a program run with K_SINK that sends events. */
@Command(name = "container", description = "Manage ContainerSources: a program that sends events to K_SINK.",
        subcommands = {ContainerCommand.Create.class, ContainerCommand.Update.class, ContainerCommand.Describe.class,
            ContainerCommand.List.class, ContainerCommand.Delete.class})
public final class ContainerCommand extends GroupCommand {

    private static final String LABEL = "Container source";

    /** The flags create and update share; update changes only those given (and edits the environment). */
    static final class Flags {

        @Option(names = "--image", paramLabel = "IMAGE", description = "Container image (optional for Kumo's "
                + "process runtime, which runs --cmd).")
        String image;

        @Option(names = "--cmd", paramLabel = "CMD", description = "The command to run, one word per flag "
                + "(arguments go in --arg). Replaces the command on update.")
        java.util.List<String> command = new ArrayList<>();

        @Option(names = "--arg", paramLabel = "ARG", parameterConsumer = NextWord.class,
                description = "An argument of the command (repeatable, in order). Replaces the arguments on update.")
        java.util.List<String> args = new ArrayList<>();

        @Option(names = {"-e", "--env"}, paramLabel = "NAME=value", description = "Set an environment variable; "
                + "NAME- removes it (repeatable).")
        java.util.List<String> env = new ArrayList<>();

        @Mixin
        SourceFlags source;

        void fill(ObjectNode spec, boolean creating) {
            if (creating && image == null && command.isEmpty()) {
                throw new BadFlag("missing --image or --cmd: say what the source runs, e.g. --image IMAGE, or "
                        + "--cmd python3 --arg emit.py for Kumo's process runtime");
            }
            ObjectNode container = firstContainer(spec);
            if (image != null) {
                container.put("image", image);
            }
            if (!command.isEmpty()) {
                container.set("command", Json.mapper().valueToTree(command));
            }
            if (!args.isEmpty()) {
                container.set("args", Json.mapper().valueToTree(args));
            }
            EnvEdits.env(container, env);
            source.fill(spec, creating);
        }

        private static ObjectNode firstContainer(ObjectNode spec) {
            ArrayNode containers = spec.withObjectProperty("template").withObjectProperty("spec")
                    .withArrayProperty("containers");
            return containers.isEmpty() ? containers.addObject() : (ObjectNode) containers.get(0);
        }
    }

    /** {@code kumo source container create NAME --image I | --cmd C [--arg A...] [-e K=V...] --sink S}. */
    @Command(name = "create", description = "Create a ContainerSource.")
    static final class Create extends CreateVerb {

        @Mixin
        Flags flags;

        Create(Session session) {
            super(session, ResourceTypes.CONTAINER_SOURCE, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), true);
        }
    }

    /** {@code kumo source container update NAME [flags]}. */
    @Command(name = "update", description = "Update a ContainerSource.")
    static final class Update extends UpdateVerb {

        @Mixin
        Flags flags;

        Update(Session session) {
            super(session, ResourceTypes.CONTAINER_SOURCE, LABEL);
        }

        @Override
        void edit(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), false);
        }
    }

    /** {@code kumo source container describe NAME}. */
    @Command(name = "describe", description = "Show details of a ContainerSource.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.CONTAINER_SOURCE);
        }

        @Override
        void describe(JsonNode source, DescribeBlock block) {
            JsonNode spec = source.path("spec");
            JsonNode container = spec.at("/template/spec/containers/0");
            java.util.List<String> env = new ArrayList<>();
            container.path("env").forEach(e -> env.add(e.path("name").asText() + "=" + e.path("value").asText()));
            block.attribute("Image", container.path("image").asText(""))
                    .attribute("Command", commandLine(container))
                    .attribute("Sink", Sink.describe(spec.path("sink")))
                    .attribute("Sink URI", source.at("/status/sinkUri").asText(""))
                    .section("Env", env)
                    .section("CloudEvent Overrides", SourceFlags.overrides(spec));
        }
    }

    /** {@code kumo source container list}. */
    @Command(name = "list", aliases = "ls", description = "List ContainerSources.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.CONTAINER_SOURCE);
        }
    }

    /** {@code kumo source container delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete ContainerSources.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.CONTAINER_SOURCE, LABEL);
        }
    }

    /** A container's command and arguments as one line: {@code python3 emit.py}. */
    static String commandLine(JsonNode container) {
        return References.commandLine(container);
    }
}
