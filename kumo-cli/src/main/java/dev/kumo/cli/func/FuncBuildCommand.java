package dev.kumo.cli.func;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kumo func build}: the function's image, through the Build API (not wired yet; see FunctionImageBuild). */
@Command(name = "build", description = "Build the function's image (through Kumo's Build API; not available yet: "
        + "'kumo func deploy --runtime process' needs no image).")
public final class FuncBuildCommand implements Callable<Integer> {

    @Mixin
    FunctionPath path = new FunctionPath();

    @Override
    public Integer call() {
        FunctionImageBuild.image(path.yaml());
        return 0;
    }
}
