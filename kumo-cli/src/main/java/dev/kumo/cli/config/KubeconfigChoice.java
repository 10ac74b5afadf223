package dev.kumo.cli.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The kubeconfig and context named on the command line, as kn's and kubectl's {@code --kubeconfig} and
 * {@code --context}: either one makes the kubeconfig the server's source, read strictly.
 *
 * @param file the kubeconfig given with {@code --kubeconfig}, if any
 * @param context the context given with {@code --context}, if any (else the file's current context)
 */
public record KubeconfigChoice(Optional<Path> file, Optional<String> context) {

    /** Neither flag given: the kubeconfig is only a fallback source, skipped when unusable. */
    public static KubeconfigChoice none() {
        return new KubeconfigChoice(Optional.empty(), Optional.empty());
    }

    /** Whether either flag was given. */
    public boolean given() {
        return file.isPresent() || context.isPresent();
    }

    /** The file to read or merge into: {@code --kubeconfig}, else the first of {@code $KUBECONFIG}, else kubectl's. */
    public Path location(Map<String, String> variables, Path home) {
        return file.orElseGet(() -> KubeconfigContext.location(variables, home));
    }
}
