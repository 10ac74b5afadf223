package dev.kumo.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release this build made, installed as the README says ({@code tar xzf} and nothing else) in a temporary
 * directory and run with neither {@code JAVA_HOME} nor any JDK on {@code PATH}: {@code kumo server}, {@code kumo
 * service create} of a busybox httpd, a request through the router. The .deb is read with {@code dpkg-deb}.
 */
class ReleaseIT {

    private static final Path TARBALL = Path.of(System.getProperty("kumo.release.tarball"));
    private static final Path DEB = Path.of(System.getProperty("kumo.release.deb"));

    @TempDir
    Path temp;

    @Test
    void theUnpackedTarballServesAServiceOnItsOwnRuntime() throws Exception {
        assertThat(run(List.of("tar", "xzf", TARBALL.toString()), temp, Map.of()).code()).isZero();
        Path kumo = temp.resolve("kumo").resolve("bin").resolve("kumo");
        Map<String, String> env = environmentWithoutJava();

        Result version = run(List.of(kumo.toString(), "version", "--server", "https://127.0.0.1:1"), temp,
                Map.of("KUMO_JAVA_OPTS", "-XshowSettings:properties -Xlog:aot=info:stderr"), env);
        assertThat(version.stdout()).startsWith("Client Version: ");
        // The CLI's cache recorded at build time, valid for this runtime after the move out of the build's tree.
        assertThat(version.stderr()).contains("Using AOT-linked classes: true");
        assertThat(property(version.stderr(), "java.home")).isEqualTo(temp.resolve("kumo/runtime").toString());
        assertThat(property(version.stderr(), "java.class.path")).contains("kumo-cli-").doesNotContain("vertx");

        Path data = temp.resolve("data");
        Process server = start(List.of(kumo.toString(), "server", "--data-dir", data.toString(), "--api-addr",
                "127.0.0.1:0", "--ingress-addr", "127.0.0.1:0", "--eventing-addr", "127.0.0.1:0"), env);
        boolean stopped;
        try {
            int ingressPort = awaitReady(server);
            Path site = Files.createDirectories(temp.resolve("site"));
            Files.writeString(site.resolve("index.html"), "hello from the release\n");
            Map<String, String> cli = Map.of("KUMO_DATA_DIR", data.toString());
            // Ready is printed as the listeners open; on a busy machine the first TLS call can take a while longer.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(
                    () -> run(List.of(kumo.toString(), "version"), temp, cli, env).stdout(),
                    out -> out.contains("Server Version: v"));
            String httpd = "exec " + busybox() + " httpd -f -p 127.0.0.1:$PORT -h " + site;
            Result created = run(List.of(kumo.toString(), "service", "create", "hello", "--cmd", "/bin/sh",
                    "--arg", "-c", "--arg", httpd, "--wait-timeout", "90"), temp, cli, env);
            assertThat(created.code()).as(created.stderr()).isZero();
            assertThat(created.stdout()).contains("Service 'hello' created");

            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingressPort + "/"))
                            .header("Host", "hello.default.localhost").timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("hello from the release\n");
        } finally {
            stopped = stop(server);
        }
        assertThat(stopped).as("kumo server stopped on SIGTERM").isTrue();
    }

    @Test
    void theDebInstallsTheSameTreeUnderOptWithKumoOnPath() throws Exception {
        Result info = run(List.of("dpkg-deb", "--info", DEB.toString()), temp, Map.of());
        assertThat(info.code()).as(info.stderr()).isZero();
        assertThat(info.stdout()).contains("Package: kumo", "Architecture: amd64", "Version: 0.1.0-SNAPSHOT");

        Result contents = run(List.of("dpkg-deb", "--contents", DEB.toString()), temp, Map.of());
        assertThat(contents.code()).as(contents.stderr()).isZero();
        assertThat(contents.stdout()).contains("root/root", "./opt/kumo/bin/kumo", "./opt/kumo/runtime/bin/java",
                "./opt/kumo/lib/kumo-cli.aot", "./opt/kumo/share/doc/kumo/reference.txt",
                "./usr/bin/kumo -> /opt/kumo/bin/kumo",
                "./usr/share/bash-completion/completions/kumo -> /opt/kumo/share/bash-completion/completions/kumo")
                .doesNotContain("kumo-server.jsa");
        assertThat(contents.stdout().lines().filter(l -> l.endsWith("./opt/kumo/bin/kumo")))
                .singleElement().asString().startsWith("-rwxr-xr-x");
    }

    /**
     * This process's environment less JAVA_HOME and with a PATH of a directory holding only what the launcher and
     * the workload use (bash for the launcher's {@code env bash}, readlink), so no JDK is found on it.
     */
    private Map<String, String> environmentWithoutJava() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("path"));
        for (String tool : List.of("bash", "readlink", "sh")) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.remove("JAVA_HOME");
        env.remove("KUMO_SERVER");
        env.remove("KUBECONFIG");
        env.remove("KUMO_JAVA_OPTS");
        env.put("PATH", bin.toString());
        env.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
        return env;
    }

    private static Path which(String tool) {
        return List.of("/usr/bin", "/bin").stream().map(dir -> Path.of(dir, tool)).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException(tool + " not in /usr/bin or /bin"));
    }

    private static String busybox() {
        return which("busybox").toString();
    }

    private static String property(String settings, String name) {
        String prefix = name + " = ";
        return settings.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length())).orElseThrow(() -> new AssertionError(name + " in " + settings));
    }

    /** Reads the server's output until "kumo: ready"; the ingress port from its "ingress listening" line. */
    private static int awaitReady(Process server) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        Optional<Integer> port = Optional.empty();
        StringBuilder seen = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            seen.append(line).append('\n');
            if (line.startsWith("kumo: ingress listening on http://")) {
                String address = line.substring("kumo: ingress listening on http://".length()).split(" ")[0];
                port = Optional.of(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
            }
            if (line.startsWith("kumo: ready")) {
                Thread.ofVirtual().start(() -> lines.lines().forEach(l -> { }));
                return port.orElseThrow(() -> new AssertionError("no ingress address in\n" + seen));
            }
        }
        throw new AssertionError("kumo server exited before it was ready:\n" + seen);
    }

    private static Process start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * Stops the server by its PID (bin/kumo execs the JVM, so the launcher's PID is the server's). On its way out
     * the JVM writes the server's class-data archive, which takes seconds on a busy machine.
     */
    private static boolean stop(Process server) throws InterruptedException {
        server.toHandle().destroy();
        boolean stopped = server.waitFor(120, TimeUnit.SECONDS);
        if (!stopped) {
            server.toHandle().destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        return stopped;
    }

    private record Result(int code, String stdout, String stderr) {
    }

    private static Result run(List<String> command, Path dir, Map<String, String> more) throws Exception {
        return run(command, dir, more, System.getenv());
    }

    /** Runs a command to its end in {@code dir}; stderr goes to a file, so neither stream can block the other. */
    private static Result run(List<String> command, Path dir, Map<String, String> more, Map<String, String> env)
            throws Exception {
        Path stderr = Files.createTempFile("kumo-release-it", ".err");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().putAll(more);
        Process process = builder.start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        try {
            return new Result(process.exitValue(), stdout, Files.readString(stderr));
        } finally {
            Files.delete(stderr);
        }
    }
}
