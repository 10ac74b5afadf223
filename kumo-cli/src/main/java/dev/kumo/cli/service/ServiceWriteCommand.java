package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.build.FunctionImages;
import dev.kumo.cli.build.SourceBuild;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.session.Session;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What {@code service create|update|apply} share: the flags, writing with conflict retries, and the wait. */
public abstract class ServiceWriteCommand implements Callable<Integer> {

    private static final int CONFLICT_ATTEMPTS = 5;

    @Parameters(paramLabel = "NAME", description = "The Service.")
    String name;

    @Mixin
    ServiceOptions options;

    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait until the Service is ready (default); --no-wait returns once it is written.")
    boolean waitForReady;

    @Mixin
    WaitOptions waiting = new WaitOptions();

    @Option(names = "--source", paramLabel = "DIR", description = "Build DIR first (a Containerfile or Dockerfile "
            + "with buildah; a Maven, Gradle or .java project with java; a function project, func.yaml, as kumo func "
            + "build does) and run the image built, by digest; a failed build leaves the Service as it was.")
    String source;

    @Spec
    CommandSpec spec;

    final Session session;
    final Random random = new Random();
    private FunctionImages functions = FunctionImages.NONE;

    ServiceWriteCommand(Session session) {
        this.session = session;
    }

    /** How {@code --source} builds a function project (the composition gives it; none without). */
    public final void functions(FunctionImages images) {
        this.functions = images;
    }

    /** Writes the Service; returns what the server stored, and whether it was created. */
    abstract Written write();

    /** The Service the server stored, and whether this command created it (else it updated it). */
    record Written(ObjectNode service, boolean created) {
    }

    @Override
    public final Integer call() {
        ReadyWait wait = waiting.wait(spec, session);
        if (source != null) {
            if (options.image().isPresent()) {
                throw new ParameterException(spec.commandLine(), "--source and --image both given: --source builds "
                        + "the image, so give one of them");
            }
            Optional<FunctionImages.Container> function = functions.build(session, SourceBuild.directory(source),
                    session.namespace());
            if (function.isPresent()) {
                options.image = function.get().image();
                options.args.addAll(function.get().args());
                function.get().env().forEach((key, value) -> options.env.add(key + "=" + value));
                session.err().println("Creating Revision…");
                session.err().flush();
            } else {
                options.image = SourceBuild.image(session, name, source);
            }
        }
        Written written;
        try {
            written = write();
        } catch (InvalidFlag e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String verb = written.created() ? "created" : "updated";
        if (!waitForReady) {
            session.out().println("Service '" + name + "' " + verb + " in namespace '" + session.namespace() + "'.");
            session.out().flush();
            return 0;
        }
        session.err().println((written.created() ? "Creating" : "Updating") + " service '" + name
                + "' in namespace '" + session.namespace() + "':");
        session.err().println();
        session.err().flush();
        ObjectNode ready = wait.await(written.service());
        session.err().println();
        session.err().flush();
        var status = ready.path("status");
        session.out().println("Service '" + name + "' " + verb + " to latest revision '"
                + status.path("latestReadyRevisionName").asText() + "' is available at URL:");
        session.out().println(status.path("url").asText());
        session.out().flush();
        return 0;
    }

    /** Creates the Service from the flags alone. */
    final ObjectNode create() {
        requireWorkload();
        return session.client().create(ResourceTypes.SERVICE, session.namespace(), fresh());
    }

    /** The Service the flags alone describe. */
    final ObjectNode fresh() {
        return ServiceSpecEdit.fresh(session.namespace(), name, options, random);
    }

    /** Reads the Service, changes it and writes it back, again from a fresh read when another writer won. */
    final ObjectNode update(UnaryOperator<ObjectNode> change) {
        for (int attempt = 1; ; attempt++) {
            ObjectNode current = session.client().get(ResourceTypes.SERVICE, session.namespace(), name);
            try {
                return session.client().replace(ResourceTypes.SERVICE, session.namespace(), name,
                        change.apply(current));
            } catch (ApiError e) {
                if (e.status().code() != 409 || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The flags applied to the current Service; {@code {{.Generation}}} is the one the change will get. */
    final ObjectNode edited(ObjectNode current) {
        long generation = current.path("metadata").path("generation").asLong(0) + 1;
        return ServiceSpecEdit.edit(current, options, generation, random);
    }

    /** The current Service with the spec, labels and annotations the flags alone describe. */
    final ObjectNode replaced(ObjectNode current) {
        long generation = current.path("metadata").path("generation").asLong(0) + 1;
        ObjectNode skeleton = ServiceSpecEdit.skeleton(session.namespace(), name);
        ObjectNode fresh = ServiceSpecEdit.edit(skeleton, options, generation, random);
        ObjectNode replacement = current.deepCopy();
        replacement.set("spec", fresh.path("spec"));
        ObjectNode metadata = replacement.withObjectProperty("metadata");
        for (String field : new String[] {"labels", "annotations"}) {
            fresh.path("metadata").path(field).properties()
                    .forEach(e -> metadata.withObjectProperty(field).set(e.getKey(), e.getValue()));
        }
        replacement.remove("status");
        return replacement;
    }

    /** A new Service needs something to run: an image or a command. */
    final void requireWorkload() {
        if (options.image().isEmpty() && options.command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "a new Service needs --image or --cmd");
        }
    }
}
