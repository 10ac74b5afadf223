package dev.kumo.cli.session;

import dev.kumo.cli.config.KubeconfigChoice;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.OutputFormat;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, declared once on the root command and inherited by all subcommands. Built in
 * code ({@link #mixin()}), as the root is ({@link CodedCommand}).
 */
public final class GlobalOptions {

    String namespace;
    boolean allNamespaces;
    Output output;
    boolean noHeaders;
    String server;
    Path dataDir;
    String token;
    Path certificateAuthority;
    Path kubeconfig;
    String context;

    /** These options as the root's mixin: each inherited by every subcommand, its value kept in this object. */
    public CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.wrapWithoutInspection(this);
        mixin.addOption(option(String.class, "NAMESPACE", Binding.of(() -> namespace, v -> namespace = (String) v),
                "Namespace to use (default: the manifest's, else 'default').", "-n", "--namespace"));
        mixin.addOption(flag("allNamespaces", Binding.of(() -> allNamespaces, v -> allNamespaces = (Boolean) v),
                "List the requested objects across all namespaces.", "-A", "--all-namespaces"));
        mixin.addOption(option(Output.class, Output.LABEL, Binding.of(() -> output, v -> output = (Output) v),
                "Print the objects as the server returned them (json, yaml), their names, URLs, a JSONPath "
                        + "template's text, custom columns (HEADER:.path,…), or the table with every column (wide).",
                "-o", "--output").toBuilder().converters(new OutputConverter()).build());
        mixin.addOption(flag("noHeaders", Binding.of(() -> noHeaders, v -> noHeaders = (Boolean) v),
                "Do not print table headers.", "--no-headers"));
        mixin.addOption(option(String.class, "URL", Binding.of(() -> server, v -> server = (String) v),
                "Kumo API server (default: $KUMO_SERVER, the config file, the local server's DATA_DIR/api-url, "
                        + "else https://127.0.0.1:7780).", "--server"));
        mixin.addOption(option(Path.class, "DIR", Binding.of(() -> dataDir, v -> dataDir = (Path) v),
                "The local server's data directory, where its URL, token and certificate are found (default: "
                        + "$KUMO_DATA_DIR, else the server's default, $XDG_DATA_HOME/kumo or ~/.local/share/kumo).",
                "--data-dir"));
        mixin.addOption(option(String.class, "TOKEN", Binding.of(() -> token, v -> token = (String) v),
                "Bearer token (default: $KUMO_TOKEN, the config file, else the local server's token).", "--token"));
        mixin.addOption(option(Path.class, "FILE",
                Binding.of(() -> certificateAuthority, v -> certificateAuthority = (Path) v),
                "PEM file of the certificate to trust for an https server (default: $KUMO_CA_FILE, the config file, "
                        + "else the local server's tls/ca.crt).", "--certificate-authority"));
        mixin.addOption(option(Path.class, "FILE", Binding.of(() -> kubeconfig, v -> kubeconfig = (Path) v),
                "kubectl configuration file to read the server from, and to merge into (default: the first of "
                        + "$KUBECONFIG, else ~/.kube/config).", "--kubeconfig"));
        mixin.addOption(option(String.class, "NAME", Binding.of(() -> context, v -> context = (String) v),
                "Name of the kubeconfig context to use (default: its current context).", "--context"));
        return mixin;
    }

    private static OptionSpec option(Class<?> type, String label, Binding binding, String description,
            String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(label).description(description)
                .scopeType(ScopeType.INHERIT).getter(binding).setter(binding).build();
    }

    private static OptionSpec flag(String field, Binding binding, String description, String... names) {
        return BooleanFlag.of(OptionSpec.builder(names), field).description(description)
                .scopeType(ScopeType.INHERIT).getter(binding).setter(binding).build();
    }

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

    /** The kubeconfig and context named with {@code --kubeconfig} and {@code --context}, if any. */
    public KubeconfigChoice kubeconfig() {
        return new KubeconfigChoice(Optional.ofNullable(kubeconfig),
                Optional.ofNullable(context).filter(c -> !c.isBlank()));
    }
}
