package dev.kumo.cli.func;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.service.ReadyWait;
import dev.kumo.cli.service.WaitOptions;
import dev.kumo.cli.session.Session;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kumo func deploy}: builds the function and writes its Knative Service, then waits until it is ready. By
 * default the function is built into an image (see {@link FuncBuildCommand}) that the Revision runs by digest, so an
 * unchanged function makes no new Revision. With {@code --runtime process} the build is kept content-addressed
 * under Kumo's data directory and the Revision runs it as a host process: an edit makes a new Revision, an
 * unchanged function none.
 */
@Command(name = "deploy", description = "Build the function's image and deploy it as a Knative Service; "
        + "--runtime process runs it as a host process (no image).")
public final class FuncDeployCommand implements Callable<Integer> {

    private static final int CONFLICT_ATTEMPTS = 5;

    @Mixin
    FunctionPath path = new FunctionPath();

    @Option(names = "--runtime", paramLabel = "RUNTIME", description = "container (the default): build an image and "
            + "run it; process: run the function as a host process.")
    String runtime;

    @Mixin
    WaitOptions waiting = new WaitOptions();

    @Spec
    CommandSpec spec;

    private final Session session;

    public FuncDeployCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ReadyWait wait = waiting.wait(spec, session);
        FuncYaml yaml = path.yaml();
        String namespace = FunctionPath.namespace(session, yaml);
        ObjectNode wanted;
        if (runtime == null || runtime.equals("container")) {
            FunctionImageBuild.Image image = FuncBuildCommand.build(session, path, yaml);
            session.err().println("Creating Revision…");
            session.err().println("Deploying function " + yaml.name() + " to namespace '" + namespace + "'");
            session.err().println();
            session.err().flush();
            wanted = FunctionService.imageService(namespace, yaml, image.pinned());
        } else if (runtime.equals("process")) {
            wanted = process(yaml, namespace);
        } else {
            throw new ParameterException(spec.commandLine(), "unknown --runtime '" + runtime
                    + "': want container (an image, the default) or process");
        }
        Written written = write(namespace, yaml.name(), wanted);
        ObjectNode ready = wait.await(written.service());
        session.err().println();
        session.err().flush();
        session.out().println("Function " + (written.created() ? "deployed" : "updated") + " in namespace \""
                + namespace + "\" and exposed at URL:");
        session.out().println("   " + ready.path("status").path("url").asText());
        session.out().flush();
        return 0;
    }

    // Builds the function for a host process, content-addressed under the data directory: its Service.
    private ObjectNode process(FuncYaml yaml, String namespace) {
        session.err().println("Building function " + yaml.name() + " (" + yaml.language().value() + ", "
                + yaml.kind().value() + ") to run as a host process");
        session.err().flush();
        FunctionStore.Stored stored = new FunctionStore(session.dataDirectory()).put(path.dir(), yaml, namespace);
        session.err().println(stored.fresh() ? "Function built: " + stored.built().dir()
                : "Function unchanged since it was built: " + stored.built().dir());
        session.err().println("Deploying function " + yaml.name() + " to namespace '" + namespace + "'");
        session.err().println();
        session.err().flush();
        return FunctionService.service(namespace, yaml, stored.built());
    }

    private record Written(ObjectNode service, boolean created) {
    }

    /** Creates the Service, or replaces the function's part of the one there, again when another writer won. */
    private Written write(String namespace, String name, ObjectNode wanted) {
        for (int attempt = 1; ; attempt++) {
            Optional<ObjectNode> current = session.client().find(ResourceTypes.SERVICE, namespace, name);
            try {
                if (current.isEmpty()) {
                    return new Written(session.client().create(ResourceTypes.SERVICE, namespace, wanted), true);
                }
                return new Written(session.client().replace(ResourceTypes.SERVICE, namespace, name,
                        FunctionService.replaced(current.get(), wanted)), false);
            } catch (ApiError e) {
                if (e.status().code() != 409 || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
