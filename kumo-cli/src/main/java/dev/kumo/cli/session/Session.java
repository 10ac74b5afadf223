package dev.kumo.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.base.ClientVersion;
import dev.kumo.cli.client.ApiClient;
import dev.kumo.cli.client.KindCatalog;
import dev.kumo.cli.config.ClientConfig;
import dev.kumo.cli.config.ConfigResolver;
import dev.kumo.cli.output.Colours;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a command works with in one invocation: the environment, the parsed global options, and (made on first
 * use) the API client for the resolved server.
 */
public final class Session implements AutoCloseable {

    /** The namespace used when neither {@code -n} nor a manifest names one. */
    public static final String DEFAULT_NAMESPACE = "default";

    private final CliEnvironment environment;
    private final GlobalOptions options;
    private ApiClient client;

    public Session(CliEnvironment environment, GlobalOptions options) {
        this.environment = environment;
        this.options = options;
    }

    public CliEnvironment environment() {
        return environment;
    }

    public GlobalOptions options() {
        return options;
    }

    /** The server, token and certificate authority, resolved from flags, environment and files. */
    public ClientConfig config() {
        return resolver().resolve(options.server(), options.token(), options.certificateAuthority(),
                options.dataDir());
    }

    /** As {@link #config()}, without the kubeconfig as a source (for the command that writes it). */
    public ClientConfig configWithoutKubeconfig() {
        return resolver().withoutKubeconfig().resolve(options.server(), options.token(),
                options.certificateAuthority(), options.dataDir());
    }

    public ConfigResolver resolver() {
        return new ConfigResolver(environment.variables(), environment.home(), this::warn)
                .withKubeconfig(options.kubeconfig());
    }

    /** The API client for the resolved server; server warnings are printed on stderr. */
    public ApiClient client() {
        if (client == null) {
            client = new ApiClient(config(), this::warn, "kumo/" + ClientVersion.VERSION);
        }
        return client;
    }

    /** Closes the API client if one was made: its selector thread would otherwise hold up the JVM's exit. */
    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    /** The namespace of {@code -n}, else {@value #DEFAULT_NAMESPACE}. */
    public String namespace() {
        return options.namespace().orElse(DEFAULT_NAMESPACE);
    }

    /** Where kumo server keeps its state: --data-dir, else KUMO_DATA_DIR, else the XDG default. */
    public Path dataDirectory() {
        return options.dataDir().or(() -> environment.variable("KUMO_DATA_DIR").map(Path::of))
                .orElseGet(() -> resolver().dataDirectory());
    }

    /** The namespace to list in: empty with {@code -A}. */
    public Optional<String> listNamespace() {
        return options.allNamespaces() ? Optional.empty() : Optional.of(namespace());
    }

    public PrintWriter out() {
        return environment.out();
    }

    public PrintWriter err() {
        return environment.err();
    }

    public Instant now() {
        return environment.clock().instant();
    }

    public Colours colours() {
        return new Colours(environment.colour());
    }

    /** Prints a warning (the server's, a skipped kubeconfig) on stderr, as kubectl does. */
    public void warn(String text) {
        err().println(colours().yellow("Warning:") + " " + text);
        err().flush();
    }

    /** Prints an object or list in the {@code -o} format; returns false when no format was asked for. */
    public boolean printRaw(JsonNode node, ResourceType type) {
        Optional<Output> format = options.output();
        format.ifPresent(f -> {
            out().print(ObjectPrinter.format(node, f, item -> KindCatalog.qualifiedName(type)));
            out().flush();
        });
        return format.isPresent();
    }
}
