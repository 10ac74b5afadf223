package dev.kumo.cli.build;

import dev.kumo.cli.session.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code --source} builds a function project (kumo-cli's {@code func} package does it; the composition hands it
 * to the commands), so that {@code service create --source} of a {@code func.yaml} directory runs the function.
 */
public interface FunctionImages {

    /** Nothing is a function project. */
    FunctionImages NONE = (session, dir, namespace) -> Optional.empty();

    /** What the Service's container needs to run a function's image: the image by digest, its args and env. */
    record Container(String image, List<String> args, Map<String, String> env) {
    }

    /** Builds the function in {@code dir} for {@code namespace}; empty when {@code dir} holds no function. */
    Optional<Container> build(Session session, Path dir, String namespace);
}
