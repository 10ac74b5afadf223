package dev.kumo.cli.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kumo build}: Shipwright Builds — what to build from which source with which strategy. */
@Command(name = "build", description = "Manage Builds: a source built into an image by a built-in strategy.",
        subcommands = {BuildCommand.Create.class, BuildCommand.Run.class, BuildCommand.List.class,
            BuildCommand.Describe.class, BuildCommand.Delete.class})
public final class BuildCommand extends GroupCommand {

    /** {@code kumo build create NAME (--source DIR | --git-url URL) [--strategy S] [--image IMAGE]}. */
    @Command(name = "create", description = "Create a Build of a local directory or a git repository.")
    static final class Create implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The Build.")
        String name;

        @ArgGroup(multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--source", paramLabel = "DIR", description = "A directory on the server's machine.")
            Path dir;

            @Option(names = "--git-url", paramLabel = "URL", description = "A git repository the server reaches.")
            String url;
        }

        @Option(names = "--context-dir", paramLabel = "DIR", description = "The directory inside the source to "
                + "build.")
        String contextDir;

        @Option(names = "--strategy", paramLabel = "NAME", description = "buildah or java (default: picked by "
                + "what --source holds).")
        String strategy;

        @Option(names = "--image", paramLabel = "IMAGE", description = "The image to build (default: "
                + "dev.local/NAMESPACE/NAME:latest).")
        String image;

        @Option(names = "--retain-succeeded", paramLabel = "N", description = "Keep the last N succeeded runs.")
        Integer retainSucceeded;

        @Option(names = "--retain-failed", paramLabel = "N", description = "Keep the last N failed runs.")
        Integer retainFailed;

        private final Session session;

        Create(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            String namespace = session.namespace();
            String output = image != null ? image : BuildManifests.localImage(namespace, name);
            ObjectNode build;
            if (source.dir != null) {
                Path dir = source.dir.toAbsolutePath().normalize();
                Path context = contextDir == null ? dir : dir.resolve(contextDir);
                if (!Files.isDirectory(context)) {
                    throw new CliException("--source " + context + " is not a directory");
                }
                String picked = strategy != null ? strategy : SourceKind.strategyFor(context).orElseThrow(() ->
                        new CliException("cannot tell how to build " + context, "Name a strategy with --strategy "
                                + "buildah or --strategy java."));
                build = BuildManifests.build(namespace, name, "file://" + dir, contextDir, picked, output);
            } else {
                if (strategy == null) {
                    throw new CliException("--git-url needs --strategy", "Give --strategy buildah or "
                            + "--strategy java.");
                }
                build = BuildManifests.build(namespace, name, source.url, contextDir, strategy, output);
            }
            if (retainSucceeded != null || retainFailed != null) {
                ObjectNode retention = ((ObjectNode) build.path("spec")).putObject("retention");
                if (retainSucceeded != null) {
                    retention.put("succeededLimit", retainSucceeded);
                }
                if (retainFailed != null) {
                    retention.put("failedLimit", retainFailed);
                }
            }
            try {
                session.client().create(ShipwrightTypes.BUILD, namespace, build);
            } catch (ApiError e) {
                if (e.status().code() != 409) {
                    throw e;
                }
                throw new CliException("build '" + name + "' already exists in namespace '" + namespace + "'",
                        "Delete it first with 'kumo build delete " + name + "'.");
            }
            session.out().println("Build '" + name + "' successfully created in namespace '" + namespace + "'.");
            session.out().flush();
            return 0;
        }
    }

    /** {@code kumo build run NAME [-f]}: a new BuildRun of the Build; with {@code -f} its log until it ends. */
    @Command(name = "run", description = "Start a BuildRun of a Build; -f follows its log until it ends.")
    static final class Run implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The Build.")
        String name;

        @Option(names = {"-f", "--follow"}, description = "Print the run's log until it ends; exit 1 if it fails.")
        boolean follow;

        private final Session session;

        Run(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            String namespace = session.namespace();
            session.client().get(ShipwrightTypes.BUILD, namespace, name);
            ObjectNode run = session.client().create(ShipwrightTypes.BUILD_RUN, namespace,
                    BuildManifests.run(namespace, name));
            String runName = run.path("metadata").path("name").asText();
            session.out().println("BuildRun '" + runName + "' created in namespace '" + namespace + "'.");
            session.out().flush();
            if (!follow) {
                return 0;
            }
            // a log opened before the server took the run up would end at once, empty
            BuildRunWait.awaitStarted(session, namespace, runName);
            session.client().log(ShipwrightTypes.BUILD_RUN, namespace, runName, Integer.MAX_VALUE, true, line -> {
                session.out().println(line);
                session.out().flush();
            });
            JsonNode ended = BuildRunWait.await(session, namespace, runName);
            JsonNode succeeded = BuildRunWait.succeeded(ended);
            session.out().println("BuildRun '" + runName + "' " + (succeeded.path("status").asText().equals("True")
                    ? "succeeded: " + ended.path("status").path("output").path("digest").asText()
                    : "failed: " + succeeded.path("reason").asText()));
            session.out().flush();
            return succeeded.path("status").asText().equals("True") ? 0 : 1;
        }
    }

    /** {@code kumo build list}. */
    @Command(name = "list", aliases = "ls", description = "List Builds.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ShipwrightTypes.BUILD);
        }
    }

    /** {@code kumo build describe NAME}. */
    @Command(name = "describe", description = "Show details of a Build.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ShipwrightTypes.BUILD);
        }

        @Override
        void describe(JsonNode build, DescribeBlock block) {
            JsonNode spec = build.path("spec");
            block.attribute("Source", spec.path("source").path("git").path("url").asText()
                            + (spec.path("source").has("contextDir") ? " (contextDir "
                                    + spec.path("source").path("contextDir").asText() + ")" : ""))
                    .attribute("Strategy", spec.path("strategy").path("name").asText())
                    .attribute("Output", spec.path("output").path("image").asText())
                    .attribute("Registered", build.path("status").path("registered").asText("Unknown") + " "
                            + build.path("status").path("reason").asText(""));
        }
    }

    /** {@code kumo build delete NAME...}. */
    @Command(name = "delete", description = "Delete Builds.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ShipwrightTypes.BUILD);
        }
    }
}
