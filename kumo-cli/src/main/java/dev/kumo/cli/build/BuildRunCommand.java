package dev.kumo.cli.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.output.ConditionLines;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kumo buildrun}: Shipwright BuildRuns — one run of a Build each. */
@Command(name = "buildrun", description = "Manage BuildRuns: their status, logs, cancelling.",
        subcommands = {BuildRunCommand.List.class, BuildRunCommand.Describe.class, BuildRunCommand.Logs.class,
            BuildRunCommand.Cancel.class, BuildRunCommand.Delete.class})
public final class BuildRunCommand extends GroupCommand {

    /** {@code kumo buildrun list}. */
    @Command(name = "list", aliases = "ls", description = "List BuildRuns.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ShipwrightTypes.BUILD_RUN);
        }
    }

    /** {@code kumo buildrun describe NAME}. */
    @Command(name = "describe", description = "Show details of a BuildRun.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ShipwrightTypes.BUILD_RUN);
        }

        @Override
        void describe(JsonNode run, DescribeBlock block) {
            JsonNode status = run.path("status");
            block.attribute("Build", run.path("spec").path("build").path("name").asText("(embedded)"))
                    .attribute("Strategy", status.path("buildSpec").path("strategy").path("name").asText())
                    .attribute("Image", status.path("buildSpec").path("output").path("image").asText())
                    .attribute("Digest", status.path("output").path("digest").asText(""))
                    .attribute("Started", status.path("startTime").asText(""))
                    .attribute("Completed", status.path("completionTime").asText(""));
            if (status.has("failureDetails")) {
                block.section("Failure", status.path("failureDetails").path("message").asText().lines().toList());
            }
            block.section("Conditions", ConditionLines.of(run, session.now()));
        }
    }

    /** {@code kumo buildrun logs NAME [-f] [--tail N]}. */
    @Command(name = "logs", description = "Print a BuildRun's log; -f follows it until the run ends.")
    static final class Logs implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The BuildRun.")
        String name;

        @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the run ends.")
        boolean follow;

        @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines (default: all).")
        int tail = Integer.MAX_VALUE;

        private final Session session;

        Logs(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            if (follow) {
                // a log followed before the server took the run up would end at once, empty
                BuildRunWait.awaitStarted(session, session.namespace(), name);
            }
            session.client().log(ShipwrightTypes.BUILD_RUN, session.namespace(), name, tail, follow, line -> {
                session.out().println(line);
                session.out().flush();
            });
            return 0;
        }
    }

    /** {@code kumo buildrun cancel NAME}: sets {@code spec.state: BuildRunCanceled}. */
    @Command(name = "cancel", description = "Cancel a running BuildRun (spec.state: BuildRunCanceled).")
    static final class Cancel implements Callable<Integer> {

        private static final int CONFLICT_ATTEMPTS = 5;

        @Parameters(paramLabel = "NAME", description = "The BuildRun.")
        String name;

        private final Session session;

        Cancel(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            String namespace = session.namespace();
            for (int attempt = 1; ; attempt++) {
                ObjectNode run = session.client().get(ShipwrightTypes.BUILD_RUN, namespace, name);
                ((ObjectNode) run.path("spec")).put("state", "BuildRunCanceled");
                try {
                    session.client().replace(ShipwrightTypes.BUILD_RUN, namespace, name, run);
                    break;
                } catch (ApiError e) {
                    if (e.status().code() != 409 || attempt == CONFLICT_ATTEMPTS) {
                        throw e;
                    }
                }
            }
            session.out().println("BuildRun '" + name + "' cancel requested in namespace '" + namespace + "'.");
            session.out().flush();
            return 0;
        }
    }

    /** {@code kumo buildrun delete NAME...}. */
    @Command(name = "delete", description = "Delete BuildRuns.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ShipwrightTypes.BUILD_RUN);
        }
    }
}
