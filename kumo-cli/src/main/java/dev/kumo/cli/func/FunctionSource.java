package dev.kumo.cli.func;

import dev.kumo.cli.build.FunctionImages;
import dev.kumo.cli.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code service create|update NAME --source DIR} of a function project (a {@code func.yaml}): built into an image
 * as {@code kumo func build} builds it, run with the invoker's arguments and listen address as {@code kumo func
 * deploy} runs it.
 */
public final class FunctionSource implements FunctionImages {

    @Override
    public Optional<Container> build(Session session, Path dir, String namespace) {
        if (!Files.isRegularFile(dir.resolve(FuncYaml.FILE))) {
            return Optional.empty();
        }
        FuncYaml yaml = FuncYaml.read(dir);
        FunctionImageBuild.Image image = FunctionImageBuild.build(session, dir, yaml, namespace);
        return Optional.of(new Container(image.pinned(), FunctionImageBuild.args(yaml),
                Map.of(FunctionImageBuild.LISTEN_HOST, "0.0.0.0")));
    }
}
