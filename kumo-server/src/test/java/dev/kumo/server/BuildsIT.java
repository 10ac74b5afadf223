package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.podman.BusyboxImage;
import dev.kumo.runtime.podman.TestPodman;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shipwright Builds in a running server with real podman and kubectl: a Build and a BuildRun applied by kubectl and
 * listed with Shipwright's columns, and {@code kumo service create|update --source} from a Containerfile project
 * answering through the router, a failed update leaving the Revision that runs.
 */
class BuildsIT {

    private static final Duration BUILD_WAIT = Duration.ofSeconds(120);
    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";

    // Images go after the server stopped (extensions' afterAll run in reverse order), not under a running instance.
    @RegisterExtension
    @Order(1)
    static final AfterAllCallback REMOVE_IMAGES = context -> removeImages();
    @RegisterExtension
    @Order(2)
    static final ContainerServer KUMO = new ContainerServer().withDefaultScaleDown();
    @TempDir
    Path home;
    @TempDir
    Path projects;

    private static void removeImages() {
        for (String image : new String[] {"dev.local/default/applied:latest", "dev.local/default/from-source:latest",
            "dev.local/default/cli-built:latest", "dev.local/default/java-source:latest",
            "dev.local/default/maven-source:latest"}) {
            try {
                TestPodman.run(Optional.empty(), "rmi", "-f", image);
            } catch (IllegalStateException e) {
                // not built: nothing to remove
            }
        }
    }

    private Path project(String name, String containerfile, String page) throws IOException {
        Path dir = Files.createDirectories(projects.resolve(name));
        Files.writeString(dir.resolve("Containerfile"), containerfile);
        Files.writeString(dir.resolve("index.html"), page);
        return dir;
    }

    @Test
    void kubectlAppliesABuildAndABuildRunAndListsBuildRunsWithShipwrightsColumns() throws IOException {
        Path dir = project("applied", "FROM " + BusyboxImage.reference() + "\nCOPY index.html /www/index.html\n",
                "applied\n");
        Path manifest = projects.resolve("build.yaml");
        Files.writeString(manifest, """
                apiVersion: shipwright.io/v1beta1
                kind: Build
                metadata:
                  name: applied
                spec:
                  source:
                    type: Git
                    git:
                      url: file://%s
                  strategy:
                    name: buildah
                    kind: ClusterBuildStrategy
                  output:
                    image: dev.local/default/applied:latest
                ---
                apiVersion: shipwright.io/v1beta1
                kind: BuildRun
                metadata:
                  name: applied-1
                spec:
                  build:
                    name: applied
                """.formatted(dir));
        Kubectl kubectl = new Kubectl(KUMO.server(), home);

        Kubectl.Result applied = kubectl.run("apply", "-f", manifest.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("build.shipwright.io/applied created",
                "buildrun.shipwright.io/applied-1 created");

        await("the BuildRun succeeded").atMost(BUILD_WAIT).until(() -> kubectl.run("get", "buildrun", "applied-1",
                "-o", "jsonpath={.status.conditions[?(@.type==\"Succeeded\")].status}").out().equals("True"));
        Kubectl.Result listed = kubectl.run("get", "buildruns");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out().lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("NAME", "SUCCEEDED", "REASON", "STARTTIME", "COMPLETIONTIME");
        assertThat(listed.out()).containsPattern("(?m)^applied-1\\s+True\\s+Succeeded\\s+\\d+s\\s+\\d+s$");
        assertThat(kubectl.run("get", "br", "applied-1", "-o", "jsonpath={.status.output.digest}").out())
                .startsWith("sha256:");
        Kubectl.Result builds = kubectl.run("get", "builds");
        assertThat(builds.out().lines().findFirst().orElseThrow().split("\\s+")).containsExactly("NAME",
                "REGISTERED", "REASON", "BUILDSTRATEGYKIND", "BUILDSTRATEGYNAME", "CREATIONTIME");
        assertThat(builds.out()).containsPattern("(?m)^applied\\s+True\\s+Succeeded\\s+ClusterBuildStrategy\\s+"
                + "buildah\\s+");
        Kubectl.Result strategies = kubectl.run("get", "clusterbuildstrategies");
        assertThat(strategies.exitCode()).as(strategies.err()).isZero();
        assertThat(strategies.out()).containsPattern("(?m)^buildah\\s+\\d+[smh]").containsPattern("(?m)^java\\s+");
        assertThat(kubectl.run("get", "cbs", "java", "-o", "jsonpath={.spec.parameters[*].name}").out())
                .isEqualTo("main-class modules");
        Path strategy = Files.writeString(home.resolve("cbs.yaml"), """
                apiVersion: shipwright.io/v1beta1
                kind: ClusterBuildStrategy
                metadata:
                  name: kaniko
                spec:
                  steps: []
                """);
        Kubectl.Result refused = kubectl.run("apply", "-f", strategy.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("ClusterBuildStrategies are built into Kumo");
        Kubectl.Result explained = kubectl.run("explain", "build.spec.source");
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        assertThat(explained.out()).contains("contextDir", "git");

        HttpResponse<String> log = KUMO.api().send("GET",
                "/apis/shipwright.io/v1beta1/namespaces/default/buildruns/applied-1/log", null, null);
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("STEP 2/2: COPY index.html /www/index.html");
        InProcessCli.Result logs = new InProcessCli(home, KUMO.dataDir()).run("--server",
                KUMO.server().apiUrl().toString(), "buildrun", "logs", "applied-1");
        assertThat(logs.exitCode()).as(logs.err()).isZero();
        assertThat(logs.out()).contains("STEP 2/2: COPY index.html /www/index.html");
    }

    @Test
    void theCliCreatesABuildAndRunsItFollowingItsLogUntilItEnds() throws IOException {
        Path dir = project("cli-built", "FROM " + BusyboxImage.reference() + "\nRUN echo from-the-cli\n", "x\n");
        InProcessCli cli = new InProcessCli(home, KUMO.dataDir());
        String server = KUMO.server().apiUrl().toString();

        InProcessCli.Result created = cli.run("--server", server, "build", "create", "cli-built", "--source",
                dir.toString(), "--retain-succeeded", "2");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Build 'cli-built' successfully created in namespace 'default'.");
        InProcessCli.Result run = cli.run("--server", server, "build", "run", "cli-built", "-f");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[build-and-push]", "STEP 2/2: RUN echo from-the-cli", "from-the-cli")
                .containsPattern("BuildRun 'cli-built-\\w+' succeeded: sha256:");
        InProcessCli.Result described = cli.run("--server", server, "build", "describe", "cli-built");
        assertThat(described.out()).contains("buildah", "dev.local/default/cli-built:latest", "True Succeeded");
        InProcessCli.Result listed = cli.run("--server", server, "buildrun", "list");
        assertThat(listed.out()).containsPattern("(?m)^cli-built-\\w+\\s+cli-built\\s+True\\s+Succeeded\\s+sha256:");
    }

    @Test
    void serviceCreateFromSourceAnswersThroughTheRouterAndAFailedUpdateKeepsTheRevision() throws IOException {
        Path dir = project("from-source", "FROM " + BusyboxImage.reference()
                + "\nCOPY index.html /www/index.html\n", "built from source\n");
        InProcessCli cli = new InProcessCli(home, KUMO.dataDir());

        InProcessCli.Result created = cli.run("--server", KUMO.server().apiUrl().toString(), "service", "create",
                "from-source", "--source", dir.toString());

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err()).contains("Building… (buildah, buildrun from-source-", "Pushing to local storage… "
                + "dev.local/default/from-source@sha256:", "Creating Revision…");
        assertThat(created.out()).contains("Service 'from-source' created to latest revision 'from-source-00001'",
                "http://from-source.default.");
        HttpResponse<String> answer = KUMO.ingress().get("from-source.default.localhost", "/index.html");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("built from source\n");

        Files.writeString(dir.resolve("Containerfile"), "FROM " + BusyboxImage.reference()
                + "\nRUN echo 'index.html:1: broken on purpose' && false\n");
        InProcessCli.Result failed = cli.run("--server", KUMO.server().apiUrl().toString(), "service", "update",
                "from-source", "--source", dir.toString());

        assertThat(failed.exitCode()).isNotZero();
        String failedRun = failed.err().replaceAll("(?s).*buildrun (from-source-\\w+)\\).*", "$1");
        InProcessCli.Result described = cli.run("--server", KUMO.server().apiUrl().toString(), "buildrun",
                "describe", failedRun);
        assertThat(described.out()).contains("Build:", "from-source", "Failure:", "step build-and-push failed:",
                "index.html:1: broken on purpose", "Conditions:");
        assertThat(failed.err()).contains("Build failed (Failed):", "index.html:1: broken on purpose",
                "service 'from-source' was left as it was");
        assertThat(KUMO.api().get(SERVICES + "/from-source").at("/status/latestReadyRevisionName").asText())
                .isEqualTo("from-source-00001");
        assertThat(KUMO.api().get(SERVICES + "/from-source").at("/metadata/generation").asLong()).isEqualTo(1);
        assertThat(KUMO.ingress().get("from-source.default.localhost", "/index.html").body())
                .isEqualTo("built from source\n");
    }

    @Test
    void serviceCreateFromAJavaSourceDirectoryBuildsWithTheJavaStrategyAndAnswers() throws IOException {
        Path dir = Files.createDirectories(projects.resolve("java-source/demo"));
        Files.writeString(dir.resolve("Hello.java"), """
                package demo;

                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;
                import java.nio.charset.StandardCharsets;

                public class Hello {
                    public static void main(String[] args) throws Exception {
                        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
                        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
                        server.createContext("/", exchange -> {
                            byte[] body = "hello from java sources".getBytes(StandardCharsets.UTF_8);
                            exchange.sendResponseHeaders(200, body.length);
                            exchange.getResponseBody().write(body);
                            exchange.close();
                        });
                        server.start();
                    }
                }
                """);
        InProcessCli cli = new InProcessCli(home, KUMO.dataDir());

        InProcessCli.Result created = cli.run("--server", KUMO.server().apiUrl().toString(), "service", "create",
                "java-source", "--source", dir.getParent().toString());

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err()).contains("Building… (java, buildrun java-source-", "Pushing to local storage… "
                + "dev.local/default/java-source@sha256:", "Creating Revision…");
        HttpResponse<String> answer = KUMO.ingress().get("java-source.default.localhost", "/");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("hello from java sources");
    }
    @Test
    void serviceCreateFromAMavenProjectBuildsItWithTheMvnOnPathOfflineAndAnswers() throws IOException {
        Path project = Files.createDirectories(projects.resolve("maven-source"));
        Path sources = Files.createDirectories(project.resolve("src/main/java/demo"));
        // Plugins pinned to the versions Kumo's own build uses, so the shared local repository has them offline.
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>hello</artifactId>
                  <version>1.0</version>
                  <properties>
                    <maven.compiler.release>21</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version>
                        <executions><execution><id>default-test</id><phase>none</phase></execution></executions></plugin>
                    </plugins>
                  </build>
                </project>
                """);
        Files.writeString(sources.resolve("Hello.java"), """
                package demo;

                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;
                import java.nio.charset.StandardCharsets;

                public class Hello {
                    public static void main(String[] args) throws Exception {
                        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
                        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
                        server.createContext("/", exchange -> {
                            byte[] body = "hello from maven".getBytes(StandardCharsets.UTF_8);
                            exchange.sendResponseHeaders(200, body.length);
                            exchange.getResponseBody().write(body);
                            exchange.close();
                        });
                        server.start();
                    }
                }
                """);
        InProcessCli cli = new InProcessCli(home, KUMO.dataDir());

        InProcessCli.Result created = cli.run("--server", KUMO.server().apiUrl().toString(), "service", "create",
                "maven-source", "--source", project.toString());

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err()).contains("Building… (java, buildrun maven-source-", "Pushing to local storage… "
                + "dev.local/default/maven-source@sha256:", "Creating Revision…");
        HttpResponse<String> answer = KUMO.ingress().get("maven-source.default.localhost", "/");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("hello from maven");
    }
}
