package dev.kumo.cli.session;

import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.OutputFormat;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes, declared once on the root command and inherited by all subcommands. */
public final class GlobalOptions {

    @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, paramLabel = "NAMESPACE",
            description = "Namespace to use (default: the manifest's, else 'default').")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, scope = ScopeType.INHERIT,
            description = "List the requested objects across all namespaces.")
    boolean allNamespaces;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = Output.LABEL,
            converter = OutputConverter.class, description = "Print the objects as the server returned them (json, "
            + "yaml), their names, URLs, a JSONPath template's text, custom columns (HEADER:.path,…), or the table "
            + "with every column (wide).")
    Output output;

    @Option(names = "--no-headers", scope = ScopeType.INHERIT, description = "Do not print table headers.")
    boolean noHeaders;

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Kumo API server (default: $KUMO_SERVER, the config file, the local server's DATA_DIR/api-url, "
                    + "else https://127.0.0.1:7780).")
    String server;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "The local server's data directory, where its URL, token and certificate are found "
                    + "(default: $KUMO_DATA_DIR, else the server's default, $XDG_DATA_HOME/kumo or "
                    + "~/.local/share/kumo).")
    Path dataDir;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "Bearer token (default: $KUMO_TOKEN, the config file, else the local server's token).")
    String token;

    @Option(names = "--certificate-authority", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "PEM file of the certificate to trust for an https server (default: $KUMO_CA_FILE, the "
                    + "config file, else the local server's tls/ca.crt).")
    Path certificateAuthority;

    /** The namespace given with {@code -n}, if any. */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace).filter(n -> !n.isBlank());
    }

    public boolean allNamespaces() {
        return allNamespaces;
    }

    /**
     * The machine-readable output asked for with {@code -o}; empty means a human-readable table or block (also for
     * {@code -o wide}, a table with every column).
     */
    public Optional<Output> output() {
        return Optional.ofNullable(output).filter(o -> o.format() != OutputFormat.wide);
    }

    /** Whether {@code -o wide} asked for every column of a table. */
    public boolean wide() {
        return output != null && output.format() == OutputFormat.wide;
    }

    public boolean noHeaders() {
        return noHeaders;
    }

    public Optional<String> server() {
        return Optional.ofNullable(server).filter(s -> !s.isBlank());
    }

    public Optional<String> token() {
        return Optional.ofNullable(token).filter(s -> !s.isBlank());
    }

    /** The local server's data directory given with {@code --data-dir}, if any. */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    public Optional<Path> certificateAuthority() {
        return Optional.ofNullable(certificateAuthority);
    }
}
