package dev.kumo.cli.func;

import dev.kumo.cli.session.Session;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** knative func's {@code -p, --path}: the function's directory, the current one by default. */
final class FunctionPath {

    @Option(names = {"-p", "--path"}, paramLabel = "DIR", defaultValue = ".",
            description = "The function's directory (default: the current one).")
    Path path;

    /** The directory, absolute. */
    Path dir() {
        return path.toAbsolutePath().normalize();
    }

    /** The function's namespace: {@code -n}, else func.yaml's deploy.namespace, else the default. */
    static String namespace(Session session, FuncYaml yaml) {
        return session.options().namespace()
                .or(() -> Optional.of(yaml.deploy().namespace()).filter(n -> !n.isBlank()))
                .orElse(session.namespace());
    }

    /** The function's func.yaml. */
    FuncYaml yaml() {
        return FuncYaml.read(dir());
    }
}
