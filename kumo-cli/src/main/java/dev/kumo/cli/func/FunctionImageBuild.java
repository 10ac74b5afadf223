package dev.kumo.cli.func;

import dev.kumo.cli.base.CliException;
import java.nio.file.Path;

/**
 * The seam between functions and the Build API ({@code shipwright.io} Build/BuildRun, {@code service create
 * --source}): turns a function into the source directory of a build, and that into an image. Not wired yet: until it
 * is, {@link #image} fails naming {@code --runtime process}, which deploys with no image.
 */
final class FunctionImageBuild {

    private FunctionImageBuild() {
    }

    /**
     * The directory a {@code --source} build takes for the function: its files with Kumo's invoker (compiled for
     * Java), as a host process runs them.
     */
    static Path source(Path project, FuncYaml yaml, Path into) {
        return FunctionBuild.build(project, yaml, into).dir();
    }

    /** The image the function builds to. Fails for now: image builds of functions are not wired to the Build API. */
    static String image(FuncYaml yaml) {
        throw new CliException("function " + yaml.name() + " cannot be built into an image yet: image builds of "
                + "functions go through Kumo's Build API, which 'kumo func' does not use yet",
                "Deploy it as a host process, with no image: kumo func deploy --runtime process");
    }
}
