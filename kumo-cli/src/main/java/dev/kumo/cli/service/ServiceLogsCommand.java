package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.Session;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kumo service logs NAME [-f]}: the output of every running instance of the Service's Revisions, each line
 * prefixed {@code revision > instance |}; with {@code -f}, also of the Revisions created while it runs.
 */
@Command(name = "logs",
        description = "Print the logs of a Service's instances (lines prefixed 'revision > instance |').")
public final class ServiceLogsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The Service.")
    String name;

    @Option(names = {"-f", "--follow"},
            description = "Keep printing new lines, of new revisions too, until interrupted.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "LINES", defaultValue = "100",
            description = "Lines of each instance's past output to print first (default: ${DEFAULT-VALUE}).")
    int tail;

    private final Session session;

    public ServiceLogsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        String namespace = session.namespace();
        session.client().get(ResourceTypes.SERVICE, namespace, name); // NotFound names the Service
        if (follow) {
            try (ServiceLogFollow logs = new ServiceLogFollow(session, namespace, name, tail, this::print)) {
                logs.run();
            }
            return 0;
        }
        for (JsonNode revision : session.client().list(ResourceTypes.REVISION, Optional.of(namespace),
                Optional.of("serving.knative.dev/service=" + name)).path("items")) {
            session.client().revisionLog(namespace, revision.at("/metadata/name").asText(), tail, false,
                    this::print);
        }
        return 0;
    }

    private synchronized void print(String line) {
        session.out().println(line);
        session.out().flush();
    }
}
