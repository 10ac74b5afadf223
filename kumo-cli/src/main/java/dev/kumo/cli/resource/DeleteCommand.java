package dev.kumo.cli.resource;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.client.KindCatalog;
import dev.kumo.cli.manifest.Manifest;
import dev.kumo.cli.manifest.ManifestSources;
import dev.kumo.cli.manifest.ManifestTarget;
import dev.kumo.cli.session.ErrorReport;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo delete KIND NAME... | -f FILE}: deletes objects named on the line or in manifests. */
@Command(name = "delete", description = "Delete objects by kind and name, or those in manifests.")
public final class DeleteCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "KIND NAME", description = "A kind, then one or more names.")
    List<String> arguments = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR|-",
            description = "Delete the objects of these manifests.")
    List<String> filenames = new ArrayList<>();

    @Option(names = "--ignore-not-found", description = "Treat an object that does not exist as deleted.")
    boolean ignoreNotFound;

    @Spec
    CommandSpec spec;

    private final Session session;

    public DeleteCommand(Session session) {
        this.session = session;
    }

    /** One object to delete. */
    private record Victim(ResourceType type, String namespace, String name) {
    }

    @Override
    public Integer call() {
        int failures = 0;
        for (Victim victim : victims()) {
            try {
                session.client().delete(victim.type(), victim.namespace(), victim.name());
                session.out().println(KindCatalog.qualifiedName(victim.type()) + " \"" + victim.name() + "\" deleted");
            } catch (ApiError e) {
                if (!(ignoreNotFound && e.status().isNotFound())) {
                    failures++;
                    ErrorReport.lines(e).forEach(session.err()::println);
                }
            }
        }
        session.out().flush();
        session.err().flush();
        return failures == 0 ? 0 : 1;
    }

    private List<Victim> victims() {
        if (!filenames.isEmpty() && !arguments.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give either KIND NAME... or -f, not both");
        }
        if (!filenames.isEmpty()) {
            List<Victim> victims = new ArrayList<>();
            for (Manifest manifest : ManifestSources.read(filenames, session.environment().stdin())) {
                ManifestTarget target = ManifestTarget.of(manifest, session.options().namespace(),
                        Session.DEFAULT_NAMESPACE);
                victims.add(new Victim(target.type(), target.namespace(), target.name()));
            }
            return victims;
        }
        if (arguments.size() < 2) {
            throw new ParameterException(spec.commandLine(), "want KIND and at least one NAME, or -f FILE");
        }
        ResourceType type = KindArgument.resolve(arguments.getFirst());
        return arguments.subList(1, arguments.size()).stream()
                .map(name -> new Victim(type, session.namespace(), name)).toList();
    }
}
