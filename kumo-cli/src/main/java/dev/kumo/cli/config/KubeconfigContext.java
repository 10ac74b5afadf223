package dev.kumo.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.base.JsonTree;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * The server, token and certificate authority of a kubeconfig's current context, read as kn and kubectl read them:
 * the cluster's {@code server}, {@code certificate-authority-data} or {@code certificate-authority} (relative to the
 * file), and the user's {@code token} or {@code tokenFile}. Client certificates and exec plugins are not used.
 *
 * @param file the kubeconfig
 * @param context the current context's name
 * @param server the cluster's server URL
 * @param token the user's bearer token, if any
 * @param certificateAuthority the cluster's CA, if any
 */
public record KubeconfigContext(Path file, String context, String server, Optional<String> token,
        Optional<CertificateAuthority> certificateAuthority) {

    private static final YAMLFactory YAML = new YAMLFactory();

    /** The kubeconfig kubectl uses: the first file of {@code $KUBECONFIG}, else {@code ~/.kube/config}. */
    public static Path location(Map<String, String> variables, Path home) {
        return Optional.ofNullable(variables.get("KUBECONFIG")).stream()
                .flatMap(list -> List.of(list.split(File.pathSeparator)).stream())
                .filter(p -> !p.isBlank()).findFirst().map(Path::of)
                .orElse(home.resolve(".kube").resolve("config"));
    }

    /**
     * The current context of the kubeconfig at {@code file}, if the file exists and names one with a server that
     * Kumo can authenticate to. A file that cannot be read or parsed, or a context whose user authenticates with an
     * exec plugin (which Kumo does not run), is skipped with one line to {@code warnings}, so that the next source
     * of the server (the local server) is tried.
     */
    public static Optional<KubeconfigContext> read(Path file, Consumer<String> warnings) {
        try {
            return parse(file, Optional.empty());
        } catch (CliException e) {
            warnings.accept("ignoring the kubeconfig: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The context a user named with {@code --kubeconfig} and {@code --context} ({@link KubeconfigChoice}): unlike
     * {@link #read}, a missing file, a context it lacks or one without a server is an error, not skipped.
     */
    public static KubeconfigContext chosen(KubeconfigChoice choice, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliException("the kubeconfig " + file + (choice.file().isPresent() ? " (--kubeconfig)" : "")
                    + " does not exist; name an existing file with --kubeconfig, or write one with 'kumo kubeconfig"
                    + " --merge'");
        }
        return parse(file, choice.context()).orElseThrow(() -> new CliException("the kubeconfig " + file
                + choice.context().map(c -> " (context " + c + ")").orElse(" has no current-context and")
                + " names no cluster with a server; pick a context with --context"));
    }

    private static Optional<KubeconfigContext> parse(Path file, Optional<String> contextName) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ObjectNode document;
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CliException("reading the kubeconfig " + file + ": " + e.getMessage());
        }
        Optional<ObjectNode> usual = KubeconfigYaml.read(text);
        if (usual.isPresent()) {
            return context(file, usual.get(), contextName);
        }
        // jackson-core's YAML parser into the tree, without an ObjectMapper (JsonTree says why).
        try (JsonParser parser = YAML.createParser(text)) {
            // Empty documents before the first one that says something are skipped ("---\n---\napiVersion: ..."),
            // as kubectl's loader does.
            JsonToken first = parser.nextToken();
            while (first == JsonToken.VALUE_NULL || first == JsonToken.VALUE_STRING && parser.getText().isBlank()) {
                first = parser.nextToken();
            }
            if (first == null) {
                return Optional.empty();
            }
            if (first != JsonToken.START_OBJECT) {
                throw new CliException(file + " is not a readable kubeconfig: its document is a " + first
                        + ", want a mapping (apiVersion, clusters, users, contexts)");
            }
            document = JsonTree.object(parser);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CliException cli) {
                throw cli;
            }
            throw new CliException(file + " is not a readable kubeconfig: malformed YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return context(file, document, contextName);
    }

    /** The context named {@code contextName}, else the current one, of a kubeconfig read into {@code document}. */
    private static Optional<KubeconfigContext> context(Path file, ObjectNode document, Optional<String> contextName) {
        String current = contextName.orElse(document.path("current-context").asText(""));
        JsonNode entry = named(document, "contexts", current);
        if (contextName.isPresent() && entry.isMissingNode()) {
            List<String> names = StreamSupport.stream(document.path("contexts").spliterator(), false)
                    .map(c -> c.path("name").asText("")).filter(n -> !n.isEmpty()).toList();
            throw new CliException("--context " + current + ": the kubeconfig " + file + " has no context of that"
                    + " name (" + (names.isEmpty() ? "it has none" : "it has " + String.join(", ", names))
                    + "); list them with 'kubectl config get-contexts'");
        }
        JsonNode context = entry.path("context");
        JsonNode cluster = named(document, "clusters", context.path("cluster").asText("")).path("cluster");
        JsonNode user = named(document, "users", context.path("user").asText("")).path("user");
        String server = cluster.path("server").asText("");
        if (current.isEmpty() || server.isEmpty()) {
            return Optional.empty();
        }
        String source = "the kubeconfig " + file + " (context " + current + ")";
        Optional<String> token = text(user, "token").or(() -> text(user, "tokenFile")
                .map(f -> readToken(file.toAbsolutePath().getParent().resolve(f))));
        if (token.isEmpty() && !user.path("exec").isMissingNode()) {
            throw new CliException(source + " authenticates with an exec plugin, which kumo does not run");
        }
        Optional<CertificateAuthority> authority = text(cluster, "certificate-authority-data")
                .map(data -> new CertificateAuthority(file, source, Optional.of(decode(data, source))))
                .or(() -> text(cluster, "certificate-authority").map(f -> new CertificateAuthority(
                        file.toAbsolutePath().getParent().resolve(f), source)));
        return Optional.of(new KubeconfigContext(file, current, server, token, authority));
    }

    private static JsonNode named(JsonNode document, String section, String name) {
        return StreamSupport.stream(document.path(section).spliterator(), false)
                .filter(entry -> entry.path("name").asText().equals(name)).findFirst()
                .orElse(MissingNode.getInstance());
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.of(node.path(field).asText("")).filter(t -> !t.isBlank());
    }

    private static byte[] decode(String data, String source) {
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new CliException("certificate-authority-data in " + source + " is not base64: " + e.getMessage());
        }
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CliException("reading the kubeconfig's tokenFile " + file + ": " + e.getMessage());
        }
    }
}
