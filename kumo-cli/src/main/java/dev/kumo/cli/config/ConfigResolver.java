package dev.kumo.cli.config;

import dev.kumo.cli.base.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Resolves the server, token and certificate authority, first hit wins. Server: {@code --server}, the kubeconfig
 * named with {@code --kubeconfig} or {@code --context} ({@link KubeconfigChoice}; with {@code --server} too, the
 * context gives only the credentials, as kubectl does), {@code KUMO_SERVER}, {@code server:} in the config file, the {@code api-url} file of a data directory given with
 * {@code --data-dir} or {@code KUMO_DATA_DIR}, the kubeconfig's current context (as kn reads it; see
 * {@link KubeconfigContext}), the default data directory's {@code api-url}, else {@value #DEFAULT_SERVER}. Token:
 * {@code --token}, {@code KUMO_TOKEN}, {@code token:} in the config file, else the local server's {@code token}
 * file. Certificate authority (for {@code https://} only): {@code --certificate-authority}, {@code KUMO_CA_FILE},
 * {@code certificate-authority:} in the config file, else the local server's {@code tls/ca.crt}. When the server
 * came from the kubeconfig, token and certificate authority are the flag's, else the context's own, never Kumo's. The local
 * server is the one whose data directory is {@code --data-dir}, {@code KUMO_DATA_DIR}, else the server's default;
 * its files are used for a loopback server only. When the server resolved is the local server's {@code api-url},
 * its socket ({@link LocalSocket}) is offered too.
 *
 * @param variables the environment variables
 * @param home the user's home directory
 * @param readKubeconfig whether the kubeconfig is a source ({@code kumo kubeconfig}, which writes it, does not read
 *     it)
 * @param choice the kubeconfig and context named on the command line
 * @param warnings where a skipped kubeconfig is reported
 */
public record ConfigResolver(Map<String, String> variables, Path home, boolean readKubeconfig,
        KubeconfigChoice choice, Consumer<String> warnings) {

    /** A resolver that reads the kubeconfig too and reports a skipped one on {@code warnings}. */
    public ConfigResolver(Map<String, String> variables, Path home, Consumer<String> warnings) {
        this(variables, home, true, KubeconfigChoice.none(), warnings);
    }

    /** A resolver that reads the kubeconfig too and reports a skipped one on stderr. */
    public ConfigResolver(Map<String, String> variables, Path home) {
        this(variables, home, warning -> System.err.println("Warning: " + warning));
    }

    /** This resolver without the kubeconfig as a source. */
    public ConfigResolver withoutKubeconfig() {
        return new ConfigResolver(variables, home, false, choice, warnings);
    }

    /** This resolver with the kubeconfig and context named on the command line. */
    public ConfigResolver withKubeconfig(KubeconfigChoice chosen) {
        return new ConfigResolver(variables, home, readKubeconfig, chosen, warnings);
    }

    public static final String DEFAULT_SERVER = "https://127.0.0.1:7780";

    /** Resolves the settings given the {@code --server}, {@code --token} and {@code --certificate-authority} flags. */
    public ClientConfig resolve(Optional<String> serverFlag, Optional<String> tokenFlag, Optional<Path> caFlag) {
        return resolve(serverFlag, tokenFlag, caFlag, Optional.empty());
    }

    /** As {@link #resolve(Optional, Optional, Optional)}, with the local server's data directory from {@code --data-dir}. */
    public ClientConfig resolve(Optional<String> serverFlag, Optional<String> tokenFlag, Optional<Path> caFlag,
            Optional<Path> dataDirFlag) {
        Optional<Path> givenDataDirectory = dataDirFlag.or(() -> variable("KUMO_DATA_DIR").map(Path::of));
        Path dataDirectory = givenDataDirectory.orElseGet(this::dataDirectory);
        ConfigFile file = ConfigFile.read(configFile());
        String source;
        String server;
        Optional<KubeconfigContext> kubeconfig = Optional.empty();
        if (readKubeconfig && choice.given()) {
            KubeconfigContext context = KubeconfigContext.chosen(choice, choice.location(variables, home));
            kubeconfig = Optional.of(context);
            source = serverFlag.isPresent() ? "--server"
                    : "the kubeconfig " + context.file() + " (context " + context.context() + ")";
            server = serverFlag.orElse(context.server());
        } else if (serverFlag.isPresent()) {
            source = "--server";
            server = serverFlag.get();
        } else if (variable("KUMO_SERVER").isPresent()) {
            source = "KUMO_SERVER";
            server = variable("KUMO_SERVER").get();
        } else if (file.serverValue().isPresent()) {
            source = configFile().toString();
            server = file.serverValue().get();
        } else if (givenDataDirectory.isPresent() && localServerUrl(dataDirectory).isPresent()) {
            source = dataDirectory.resolve("api-url").toString();
            server = localServerUrl(dataDirectory).get();
        } else if ((kubeconfig = kubeconfig()).isPresent()) {
            source = "the kubeconfig " + kubeconfig.get().file() + " (context " + kubeconfig.get().context() + ")";
            server = kubeconfig.get().server();
        } else if (localServerUrl(dataDirectory).isPresent()) {
            source = dataDirectory.resolve("api-url").toString();
            server = localServerUrl(dataDirectory).get();
        } else {
            source = "default";
            server = DEFAULT_SERVER;
        }
        URI uri = parse(server, source);
        if (kubeconfig.isPresent()) {
            // A server from the kubeconfig gets only the flags' or its context's credentials: Kumo's own token and
            // CA (variables, config file, local server) are never sent to a cluster the kubeconfig points at.
            KubeconfigContext context = kubeconfig.get();
            Optional<CertificateAuthority> authority = !uri.getScheme().equals("https") ? Optional.empty()
                    : caFlag.map(f -> new CertificateAuthority(f, "--certificate-authority"))
                            .or(context::certificateAuthority);
            return new ClientConfig(uri, tokenFlag.or(context::token), source, authority,
                    LocalSocket.of(uri, dataDirectory));
        }
        Optional<String> token = tokenFlag.or(() -> variable("KUMO_TOKEN")).or(file::tokenValue)
                .or(() -> localServerToken(dataDirectory, uri));
        Optional<CertificateAuthority> authority = !uri.getScheme().equals("https") ? Optional.empty()
                : caFlag.map(f -> new CertificateAuthority(f, "--certificate-authority"))
                        .or(() -> variable("KUMO_CA_FILE").map(f -> new CertificateAuthority(Path.of(f),
                                "KUMO_CA_FILE")))
                        .or(() -> file.certificateAuthorityValue().map(f -> new CertificateAuthority(
                                configFile().getParent().resolve(f), configFile().toString())))
                        .or(() -> localServerCertificate(dataDirectory, uri));
        return new ClientConfig(uri, token, source, authority, LocalSocket.of(uri, dataDirectory));
    }

    private Optional<KubeconfigContext> kubeconfig() {
        return readKubeconfig ? KubeconfigContext.read(choice.location(variables, home), warnings)
                : Optional.empty();
    }

    /** {@code $XDG_CONFIG_HOME/kumo/config.yaml}, else {@code ~/.config/kumo/config.yaml}. */
    public Path configFile() {
        return variable("XDG_CONFIG_HOME").map(Path::of).orElse(home.resolve(".config"))
                .resolve("kumo").resolve("config.yaml");
    }

    /** The server's default data directory: {@code $XDG_DATA_HOME/kumo}, else {@code ~/.local/share/kumo}. */
    public Path dataDirectory() {
        return variable("XDG_DATA_HOME").map(Path::of).orElse(home.resolve(".local").resolve("share"))
                .resolve("kumo");
    }

    /**
     * The token the local server generated. Sent only to a loopback address: the file belongs to the server on
     * this machine, and handing it to another host would leak it.
     */
    private static Optional<String> localServerToken(Path dataDirectory, URI server) {
        return isLoopback(server.getHost()) ? firstLine(dataDirectory.resolve("token"), "the API token")
                : Optional.empty();
    }

    /** Where the local server said its API answers (it writes {@code api-url} at every start), if it did. */
    private static Optional<String> localServerUrl(Path dataDirectory) {
        return firstLine(dataDirectory.resolve("api-url"), "the local server's API URL");
    }

    private static Optional<String> firstLine(Path file, String what) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file).trim()).filter(t -> !t.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** The certificate the local server created, for a loopback server only (like its token). */
    private static Optional<CertificateAuthority> localServerCertificate(Path dataDirectory, URI server) {
        Path file = dataDirectory.resolve("tls").resolve("ca.crt");
        if (!isLoopback(server.getHost()) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        return Optional.of(new CertificateAuthority(file, "the local server's data directory"));
    }

    private static URI parse(String server, String source) {
        String withScheme = server.contains("://") ? server : "http://" + server;
        try {
            URI uri = URI.create(withScheme);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("want http(s)://HOST[:PORT]");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid server address \"" + server + "\" (from " + source
                    + "): want a URL like " + DEFAULT_SERVER);
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equals("localhost")) {
            return true;
        }
        try {
            // Only literal addresses are checked, so that this never does a DNS lookup.
            return (host.matches("[0-9.]+") || host.startsWith("["))
                    && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }
}
