package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Manifests;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kumo service import FILE}: makes a Service again from {@code service export} (either mode), revision by
 * revision — each step applied and waited for, so the Revisions get their names and the last step its traffic.
 */
@Command(name = "import", description = "Import a Knative Service and its revisions from 'service export'.")
public final class ServiceImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The export (YAML or JSON).")
    Path file;

    @Mixin
    WaitOptions waiting = new WaitOptions();

    @Spec
    CommandSpec spec;

    private final Session session;

    public ServiceImportCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<ObjectNode> steps;
        try {
            // A replay's List comes back as its Services, in order.
            List<ObjectNode> documents = Manifests.read(Files.readString(file));
            if (documents.isEmpty()) {
                throw new InvalidFlag("the file holds nothing");
            }
            steps = documents.size() == 1 ? ServiceExport.steps(documents.getFirst()) : documents;
            for (ObjectNode step : steps) {
                if (!step.path("kind").asText().equals("Service") || !step.path("metadata").path("name").asText()
                        .equals(steps.getFirst().path("metadata").path("name").asText())) {
                    throw new InvalidFlag("every document of a replay must be the same Service");
                }
            }
        } catch (IOException | IllegalArgumentException | InvalidFlag e) {
            throw new ParameterException(spec.commandLine(), "cannot import " + file + ": " + e.getMessage());
        }
        String name = steps.getFirst().path("metadata").path("name").asText();
        String namespace = session.options().namespace()
                .orElse(steps.getFirst().path("metadata").path("namespace").asText(session.namespace()));
        if (session.client().find(ResourceTypes.SERVICE, namespace, name).isPresent()) {
            throw new CliException("service '" + name + "' already exists in namespace '" + namespace + "'",
                    "Delete it first with 'kumo service delete " + name + "', or import into another namespace "
                            + "with -n.");
        }
        waiting.wait(spec, session); // the flags checked before anything is written
        ObjectNode written = null;
        for (ObjectNode step : steps) {
            step.withObjectProperty("metadata").put("namespace", namespace);
            String revision = step.path("spec").path("template").path("metadata").path("name").asText("");
            session.err().println("Importing service '" + name + "'" + (revision.isEmpty() ? ""
                    : " revision '" + revision + "'") + "…");
            session.err().flush();
            written = written == null ? session.client().create(ResourceTypes.SERVICE, namespace, step)
                    : replaceSpec(namespace, name, step);
            written = waiting.wait(spec, session).await(written); // each revision gets the whole timeout
        }
        session.out().println("Service '" + name + "' imported in namespace '" + namespace + "' with "
                + steps.size() + " revision" + (steps.size() == 1 ? "" : "s") + ".");
        session.out().flush();
        return 0;
    }

    private ObjectNode replaceSpec(String namespace, String name, ObjectNode step) {
        ObjectNode current = session.client().get(ResourceTypes.SERVICE, namespace, name);
        current.set("spec", step.get("spec"));
        return session.client().replace(ResourceTypes.SERVICE, namespace, name, current);
    }
}
