package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.OutputFormat;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo service export NAME -o yaml|json [--with-revisions [--mode replay|resources]]}, as kn's. */
@Command(name = "export", description = "Export a Knative Service (and its routed revisions) to apply elsewhere.")
public final class ServiceExportCommand implements Callable<Integer> {

    /** kn's two shapes of an export with revisions. */
    enum Mode {
        replay,
        resources
    }

    @Parameters(paramLabel = "NAME", description = "The Service.")
    String name;

    @Option(names = "--with-revisions", description = "Export the revisions traffic routes to as well.")
    boolean withRevisions;

    @Option(names = "--mode", paramLabel = "replay|resources", defaultValue = "replay", description = "With "
            + "--with-revisions: a List of the Service at each revision to apply in order (replay, the default), or "
            + "kn's Export of the Service and its Revisions (resources).")
    Mode mode;

    @Spec
    CommandSpec spec;

    private final Session session;

    public ServiceExportCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Optional<Output> output = session.options().output()
                .filter(o -> o.format() == OutputFormat.yaml || o.format() == OutputFormat.json);
        if (output.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "export needs -o yaml or -o json");
        }
        JsonNode stored = session.client().get(ResourceTypes.SERVICE, session.namespace(), name);
        ObjectNode exported = ServiceExport.service(stored);
        if (withRevisions) {
            List<JsonNode> revisions = ListOutput.items(session.client().list(ResourceTypes.REVISION,
                    Optional.of(session.namespace()), Optional.of("serving.knative.dev/service=" + name)));
            List<JsonNode> routed = ServiceExport.routed(stored, revisions);
            exported = mode == Mode.replay ? ServiceExport.replay(stored, routed)
                    : ServiceExport.resources(stored, routed);
        }
        session.out().print(ObjectPrinter.format(exported, output.get(), item -> "service.serving.knative.dev"));
        session.out().flush();
        return 0;
    }
}
