package dev.kumo.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.cli.client.ApiClient;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.client.KindCatalog;
import dev.kumo.cli.manifest.Manifest;
import dev.kumo.cli.manifest.ManifestSources;
import dev.kumo.cli.manifest.ManifestTarget;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.OutputFormat;
import dev.kumo.cli.session.ErrorReport;
import dev.kumo.cli.session.Session;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kumo apply -f FILE|DIR|-}: for each object, GET it, then server-side apply it and print what happened.
 * An object the server refuses is reported and the others are still applied; the exit code is then 1.
 */
@Command(name = "apply", description = "Create or update resources from manifests (server-side apply).")
public final class ApplyCommand implements Callable<Integer> {

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR|-",
            description = "Manifest file, directory (searched recursively for .yaml, .yml, .json) or - for stdin.")
    List<String> filenames;

    private final Session session;

    public ApplyCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<Manifest> manifests = ManifestSources.read(filenames, session.environment().stdin());
        List<ManifestTarget> targets = manifests.stream()
                .map(m -> ManifestTarget.of(m, session.options().namespace(), Session.DEFAULT_NAMESPACE)).toList();
        int failures = 0;
        for (int i = 0; i < manifests.size(); i++) {
            try {
                if (i > 0 && session.options().output().map(Output::format).orElse(null) == OutputFormat.yaml) {
                    session.out().println("---");
                }
                apply(manifests.get(i).object().deepCopy(), targets.get(i));
            } catch (ApiError e) {
                failures++;
                ErrorReport.lines(e, "applying " + targets.get(i).displayName() + " from "
                        + manifests.get(i).location()).forEach(session.err()::println);
            }
        }
        session.err().flush();
        return failures == 0 ? 0 : 1;
    }

    private void apply(ObjectNode object, ManifestTarget target) {
        if (target.type().namespaced()) {
            object.withObjectProperty("metadata").put("namespace", target.namespace());
        }
        ApiClient client = session.client();
        Optional<JsonNode> before = client.find(target.type(), target.namespace(), target.name())
                .map(JsonNode.class::cast);
        ApiClient.Applied applied = client.apply(target.type(), target.namespace(), target.name(), object);
        ApplyOutcome outcome = ApplyOutcome.of(before, applied.created(), applied.object());
        session.options().output().ifPresentOrElse(
                format -> session.out().print(ObjectPrinter.format(applied.object(), format,
                        item -> KindCatalog.qualifiedName(target.type()))),
                () -> session.out().println(target.displayName() + " " + outcome));
        session.out().flush();
    }
}
