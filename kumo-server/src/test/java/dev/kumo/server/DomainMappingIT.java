package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DomainMapping applied with the real kubectl as Knative's docs write it: the router answers for the domain as
 * for the Service; the same domain mapped in another namespace is not Ready; {@code kumo domain} in kn's grammar.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DomainMappingIT {

    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
    private static final String DOMAIN = "hello.example.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;
    private static InProcessCli cli;
    // The JDK client's default, HTTP/2 by Upgrade: the router takes the Host header set beside :authority as the host.
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        kubectl = new Kubectl(server, temp);
        cli = new InProcessCli(temp.resolve("home"), temp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void aMappedDomainIsAnsweredByItsService() throws Exception {
        assertOk(kubectl.run("apply", "-f", manifest("service.yaml", service("default", "mapped"))));
        // Knative's docs example (serving/services/custom-domains), its placeholders filled in.
        assertOk(kubectl.run("apply", "-f", manifest("mapping.yaml", mapping("default"))));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get(DOMAIN).body()).startsWith("Hello mapped!"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(kubectl.run("get", "domainmapping", DOMAIN, "-o",
                "jsonpath={.status.conditions[?(@.type=='Ready')].status}").out()).isEqualTo("True"));
        Kubectl.Result table = kubectl.run("get", "dm");
        assertThat(table.out()).as(table.err()).containsPattern("NAME +URL +READY +REASON")
                .contains(DOMAIN + "   http://" + DOMAIN + ":" + server.ingressPort());
    }

    @Test
    @Order(2)
    void theSameDomainInAnotherNamespaceIsNotReadyAndTheFirstKeepsIt() throws Exception {
        assertOk(kubectl.run("create", "namespace", "other"));
        assertOk(kubectl.run("apply", "-f", manifest("other-service.yaml", service("other", "other"))));
        assertOk(kubectl.run("apply", "-f", manifest("other-mapping.yaml", mapping("other"))));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(kubectl.run("get", "domainmapping", DOMAIN, "-n",
                "other", "-o", "jsonpath={.status.conditions[?(@.type=='Ready')].reason}").out())
                .isEqualTo("DomainAlreadyClaimed"));
        assertThat(get(DOMAIN).body()).startsWith("Hello mapped!");
    }

    @Test
    @Order(3)
    void kumoDomainListsAndDescribesInKnsWords() {
        InProcessCli.Result list = cli.run("domain", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("NAME +URL +READY +KSVC")
                .containsPattern(DOMAIN.replace(".", "\\.") + " +http://" + DOMAIN.replace(".", "\\.") + ":"
                        + server.ingressPort() + " +True +hello");

        InProcessCli.Result described = cli.run("domain", "describe", DOMAIN);
        assertThat(described.exitCode()).as(described.err()).isZero();
        assertThat(described.out()).containsPattern("Name: +" + DOMAIN.replace(".", "\\."))
                .containsPattern("URL: +http://" + DOMAIN.replace(".", "\\."))
                .contains("Reference:").containsPattern("Kind: +Service").containsPattern("Name: +hello")
                .containsPattern("(?m)^ *OK +TYPE").containsPattern("\\+\\+ +Ready");

        InProcessCli.Result claimed = cli.run("domain", "describe", DOMAIN, "-n", "other");
        assertThat(claimed.out()).contains("DomainAlreadyClaimed");
    }

    @Test
    @Order(4)
    void kumoDomainCreatesUpdatesAndDeletesAsKn() throws Exception {
        InProcessCli.Result created = cli.run("domain", "create", "second.example.com", "--ref", "ksvc:hello");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("Domain mapping 'second.example.com' created in namespace 'default'.\n");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get("second.example.com").body())
                .startsWith("Hello mapped!"));

        InProcessCli.Result updated = cli.run("domain", "update", "second.example.com", "--tls", "my-cert");
        assertThat(updated.out()).isEqualTo("Domain mapping 'second.example.com' updated in namespace 'default'.\n");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(kubectl.run("get", "dm", "second.example.com", "-o",
                "jsonpath={.status.conditions[?(@.type=='CertificateProvisioned')].reason}").out())
                .isEqualTo("TLSNotSupported"));

        InProcessCli.Result bad = cli.run("domain", "create", "third", "--ref", "hello");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("metadata.name").contains("\"third\"");

        InProcessCli.Result deleted = cli.run("domain", "delete", "second.example.com");
        assertThat(deleted.out()).isEqualTo("Domain mapping 'second.example.com' deleted in namespace 'default'.\n");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get("second.example.com").statusCode())
                .isEqualTo(404));
    }

    private static HttpResponse<String> get(String host) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort() + "/"))
                .header("Host", host).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A Service named hello answering "Hello TARGET!". */
    private static String service(String namespace, String target) {
        return """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: hello
                  namespace: %s
                spec:
                  template:
                    spec:
                      containers:
                        - command: [python3]
                          args: [app.py]
                          workingDir: %s
                          env:
                            - name: TARGET
                              value: %s
                """.formatted(namespace, SAMPLE, target);
    }

    private static String mapping(String namespace) {
        return """
                apiVersion: serving.knative.dev/v1beta1
                kind: DomainMapping
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  ref:
                    name: hello
                    kind: Service
                    apiVersion: serving.knative.dev/v1
                """.formatted(DOMAIN, namespace);
    }

    private static String manifest(String file, String text) throws Exception {
        Path path = temp.resolve(file);
        Files.writeString(path, text);
        return path.toString();
    }

    private static void assertOk(Kubectl.Result result) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }
}
