package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kumo service logs NAME}: the output of every running instance of the Service's Revisions (or of one, with
 * {@code --revision}), each line prefixed {@code revision > instance |}; with kubectl's {@code --since},
 * {@code --since-time}, {@code --timestamps}, {@code --previous} (the runs that ended: a restarted instance's previous
 * run and the instances that stopped), {@code -c}, {@code --tail}; with {@code -f}, also of the Revisions created
 * while it runs.
 */
@Command(name = "logs",
        description = "Print the logs of a Service's instances (lines prefixed 'revision > instance |').")
public final class ServiceLogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The Service.")
    String name;

    @Option(names = {"-f", "--follow"},
            description = "Keep printing new lines, of new revisions too, until interrupted.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "LINES", defaultValue = "100",
            description = "Lines of each instance's past output to print first (default: ${DEFAULT-VALUE}).")
    int tail;

    @Option(names = "--since", paramLabel = "DURATION",
            description = "Only lines newer than this, such as 30s, 10m or 2h.")
    String since;

    @Option(names = "--since-time", paramLabel = "TIME",
            description = "Only lines written at or after this RFC 3339 time, such as 2026-12-06T08:00:00Z.")
    String sinceTime;

    @Option(names = "--timestamps", description = "Start each line with when it was written (RFC 3339, nanoseconds).")
    boolean timestamps;

    @Option(names = {"-p", "--previous"},
            description = "The runs that ended instead: a restarted instance's previous run, and the instances that "
                    + "stopped (kept 24 h by default).")
    boolean previous;

    @Option(names = "--revision", paramLabel = "REVISION", description = "Only this revision of the Service.")
    String revision;

    @Option(names = {"-c", "--container"}, paramLabel = "CONTAINER",
            description = "Only this container's lines (default: all of the instance's containers).")
    String container;

    private final Session session;

    public ServiceLogsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        LogsQuery query;
        try {
            query = LogsQuery.of(tail, follow && !previous, since, sinceTime, timestamps, previous, container);
        } catch (InvalidFlag e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String namespace = session.namespace();
        session.client().get(ResourceTypes.SERVICE, namespace, name); // NotFound names the Service
        if (query.follow() && revision == null) {
            try (ServiceLogFollow logs = new ServiceLogFollow(session, namespace, name, query, this::print)) {
                logs.run();
            }
            return 0;
        }
        for (String each : revisions(namespace)) {
            session.client().log(ResourceTypes.REVISION, namespace, each, query.params(), this::print);
        }
        return 0;
    }

    /** The Service's Revisions, or the one {@code --revision} names (which must be the Service's). */
    private List<String> revisions(String namespace) {
        if (revision != null) {
            JsonNode named = session.client().get(ResourceTypes.REVISION, namespace, revision);
            String owner = named.at("/metadata/labels/serving.knative.dev~1service").asText("");
            if (!owner.equals(name)) {
                throw new ParameterException(spec.commandLine(), "invalid --revision '" + revision
                        + "': it is not a revision of service '" + name + "'; see 'kumo revision list'");
            }
            return List.of(revision);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : session.client().list(ResourceTypes.REVISION, Optional.of(namespace),
                Optional.of("serving.knative.dev/service=" + name)).path("items")) {
            names.add(item.at("/metadata/name").asText());
        }
        return names;
    }

    private synchronized void print(String line) {
        session.out().println(line);
        session.out().flush();
    }
}
