package dev.kumo.cli.aot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.kumo.cli.KumoCli;
import dev.kumo.cli.session.CliEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Runs the CLI's everyday calls against a stand-in API server on loopback, over TLS with a certificate made for the
 * run, so that the classes a real call loads (picocli's model of the command, the config files, the JDK's HTTP
 * client and TLS, Jackson, the table printer, the error report, the kubeconfig's YAML) are the ones the JVM records
 * in its cache; then the same calls over a data directory's {@code api.sock}, as this machine's server is reached
 * ({@link TrainingSocket}). The stand-in answers {@code /version}, a kn Table for any list and 404 for anything else.
 * Only the everyday reads are trained ({@code version}, {@code list}, {@code get}, {@code describe}): every class in
 * the cache is loaded and linked at every start (~10 us each), so {@code -o yaml}'s Jackson databind and the write
 * verbs load theirs when used.
 */
public final class CliTraining {

    private static final String PASSWORD = "training";
    private static final String TABLE = """
            {"kind":"Table","apiVersion":"meta.k8s.io/v1","columnDefinitions":[{"name":"Name","type":"string"},\
            {"name":"URL","type":"string"},{"name":"Age","type":"date"},{"name":"Ready","type":"string"}],\
            "rows":[{"cells":["hello","http://hello.default.localhost","2026-01-01T00:00:00Z","True"],\
            "object":{"kind":"PartialObjectMetadata","metadata":{"name":"hello","namespace":"default"}}}]}""";
    private static final String NOT_FOUND = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,\
            "message":"services.serving.knative.dev \\"absent\\" not found"}""";

    private CliTraining() {
    }

    public static void main(String[] args) throws Exception {
        CliEnvironment.system(); // the environment as a call reads it: the process's variables copied
        Path dir = Files.createTempDirectory("kumo-cli-training");
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try {
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext(dir)));
            server.createContext("/", CliTraining::answer);
            server.start();
            List<String> common = List.of("--server", "https://127.0.0.1:" + server.getAddress().getPort(),
                    "--certificate-authority", dir.resolve("ca.crt").toString(), "--token", PASSWORD);
            for (List<String> call : List.of(List.of("version"), List.of("service", "list"),
                    List.of("service", "describe", "absent"), List.of("get", "ksvc"), List.of("revision", "list"),
                    List.of("route", "list"), List.of("broker", "list"))) {
                List<String> line = new ArrayList<>(call);
                line.addAll(common);
                KumoCli.run(environment(dir), line.toArray(String[]::new));
            }
            // Without flags, as after `kumo kubeconfig --merge`: the kubeconfig's YAML parser is loaded too.
            writeKubeconfig(dir, "https://127.0.0.1:" + server.getAddress().getPort());
            for (List<String> call : List.of(List.of("version"), List.of("service", "list"))) {
                KumoCli.run(environment(dir), call.toArray(String[]::new));
            }
            // This machine's server as the CLI meets it most: its data directory names the kubeconfig's URL and
            // serves api.sock, so the calls go over the socket (the classes of that path, not TLS's).
            trainOnSocket(dir, "https://127.0.0.1:" + server.getAddress().getPort());
        } finally {
            server.stop(0);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The everyday calls over the default data directory's {@code api.sock}, with the kubeconfig and without. */
    private static void trainOnSocket(Path home, String url) throws IOException {
        Path data = Files.createDirectories(home.resolve(".local/share/kumo"));
        Files.writeString(data.resolve("api-url"), url + "\n");
        Files.writeString(data.resolve("token"), PASSWORD + "\n");
        try (TrainingSocket socket = TrainingSocket.start(data.resolve("api.sock"), CliTraining::answer)) {
            for (List<String> call : List.of(List.of("version"), List.of("service", "list"),
                    List.of("service", "describe", "absent"), List.of("get", "ksvc"), List.of("revision", "list"))) {
                KumoCli.run(environment(home), call.toArray(String[]::new));
            }
            Files.delete(home.resolve(".kube").resolve("config"));
            for (List<String> call : List.of(List.of("version"), List.of("service", "list"))) {
                KumoCli.run(environment(home), call.toArray(String[]::new));
            }
        }
    }

    /** {@code HOME/.kube/config} with one context: the stand-in, its CA file and the token. */
    private static void writeKubeconfig(Path home, String server) throws IOException {
        Path kube = Files.createDirectories(home.resolve(".kube"));
        Files.writeString(kube.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: training
                  cluster: {server: "%s", certificate-authority: "%s"}
                users:
                - name: training
                  user: {token: %s}
                contexts:
                - name: training
                  context: {cluster: training, user: training, namespace: default}
                current-context: training
                """.formatted(server, home.resolve("ca.crt"), PASSWORD));
    }

    /** Discarded output, and of this process's variables only {@code PATH} (where plugins are looked for). */
    private static CliEnvironment environment(Path home) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        return new CliEnvironment(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin")), home, InputStream.nullInputStream(), discard, discard,
                InstantSource.system(), false);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        TrainingSocket.Answer answer = answer(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Accept"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.code(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** {@code /version}, a kn Table for any list asked as one, else NotFound. */
    private static TrainingSocket.Answer answer(String path, String accept) {
        boolean table = accept != null && accept.contains("as=Table") && !path.contains("/absent");
        return path.equals("/version") ? new TrainingSocket.Answer(200, "{\"gitVersion\":\"training\"}")
                : table ? new TrainingSocket.Answer(200, TABLE) : new TrainingSocket.Answer(404, NOT_FOUND);
    }

    /** An EC P-256 key and certificate from the JDK's keytool (as the server makes its own), and its PEM. */
    private static SSLContext sslContext(Path dir) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path keystore = dir.resolve("training.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt", "-alias", "training", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=kumo", "-ext", "san=ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IllegalStateException("keytool could not make the training certificate");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(store.getCertificate("training").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Files.writeString(dir.resolve("ca.crt"), pem);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
