package dev.kumo.cli.func;

import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kumo func build}: the function's image {@code dev.local/NAMESPACE/NAME}, through Kumo's Build API, recorded
 * in func.yaml ({@code image}, {@code imageDigest}) as knative func records it.
 */
@Command(name = "build", description = "Build the function's image through Kumo's Build API (no registry, no "
        + "download) and record it in func.yaml.")
public final class FuncBuildCommand implements Callable<Integer> {

    @Mixin
    FunctionPath path = new FunctionPath();

    private final Session session;

    public FuncBuildCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        FuncYaml yaml = path.yaml();
        FunctionImageBuild.Image image = build(session, path, yaml);
        session.out().println("Function " + yaml.name() + " built: " + image.pinned());
        session.out().flush();
        return 0;
    }

    /** Builds the function's image saying so, and records it in its func.yaml. */
    static FunctionImageBuild.Image build(Session session, FunctionPath path, FuncYaml yaml) {
        String namespace = FunctionPath.namespace(session, yaml);
        session.err().println("Building function " + yaml.name() + " (" + yaml.language().value() + ", "
                + yaml.kind().value() + ") into an image in namespace '" + namespace + "'");
        session.err().flush();
        FunctionImageBuild.Image image = FunctionImageBuild.build(session, path.dir(), yaml, namespace);
        yaml.withImage(image.tagged(), image.digest()).write(path.dir());
        return image;
    }
}
