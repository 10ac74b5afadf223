package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
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
 * {@code kumo service create --image} with every kn flag for images, against a real server: the Service (and the
 * Revision the controllers stamp from it) read back through the API carries the volumes, mounts, resources,
 * securityContext, pull secret and policy kn would have sent. The Revision need not run: no container runtime is
 * needed here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceCreateImageFlagsIT {

    private static final String SERVICE = "/apis/serving.knative.dev/v1/namespaces/default/services/hello";
    private static final String CM_APP = "etc-app-4e7033fd";
    private static final String SC_KEYS = "etc-keys-5cfff7e9";
    private static final String ED_WORK = "tmp-work-655e9816";

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static InProcessCli cli;
    private static TestApi api;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        cli = new InProcessCli(temp.resolve("home"), temp.resolve("data"));
        api = new TestApi(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void createWithEveryFlagStoresWhatKnSends() {
        InProcessCli.Result created = cli.run("service", "create", "hello", "--image", "dev.local/hello:1",
                "--port", "h2c:8080", "-e", "TARGET=kumo", "--env-from", "cm:settings",
                "--mount", "/etc/app=cm:settings", "--mount", "/etc/keys=sc:keys/tls",
                "--mount", "/tmp/work=ed:scratch", "--volume", "cache=ed:cache:type=Memory,size=64Mi",
                "--mount", "/cache=cache", "--limit", "cpu=500m,memory=128Mi", "--request", "cpu=100m",
                "--request", "memory=64Mi", "--user", "1001", "--pull-secret", "regcred", "--pull-policy", "never",
                "--no-wait");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("Service 'hello' created in namespace 'default'.\n");
        JsonNode spec = api.get(SERVICE).at("/spec/template/spec");
        assertThat(spec.path("volumes")).isEqualTo(Json.parseObject("{\"v\":["
                + "{\"name\":\"" + CM_APP + "\",\"configMap\":{\"name\":\"settings\"}},"
                + "{\"name\":\"" + SC_KEYS + "\",\"secret\":{\"secretName\":\"keys\"}},"
                + "{\"name\":\"" + ED_WORK + "\",\"emptyDir\":{}},"
                + "{\"name\":\"cache\",\"emptyDir\":{\"medium\":\"Memory\",\"sizeLimit\":\"64Mi\"}}]}").path("v"));
        assertThat(spec.path("imagePullSecrets")).isEqualTo(array("[{\"name\":\"regcred\"}]"));
        JsonNode container = spec.path("containers").path(0);
        assertThat(container.path("image").asText()).isEqualTo("dev.local/hello:1");
        assertThat(container.path("ports")).isEqualTo(array("[{\"name\":\"h2c\",\"containerPort\":8080}]"));
        assertThat(container.path("env")).isEqualTo(array("[{\"name\":\"TARGET\",\"value\":\"kumo\"}]"));
        assertThat(container.path("envFrom")).isEqualTo(array("[{\"configMapRef\":{\"name\":\"settings\"}}]"));
        assertThat(container.path("volumeMounts")).isEqualTo(array("["
                + "{\"name\":\"" + CM_APP + "\",\"readOnly\":true,\"mountPath\":\"/etc/app\"},"
                + "{\"name\":\"" + SC_KEYS + "\",\"readOnly\":true,\"mountPath\":\"/etc/keys\",\"subPath\":\"tls\"},"
                + "{\"name\":\"" + ED_WORK + "\",\"mountPath\":\"/tmp/work\"},"
                + "{\"name\":\"cache\",\"mountPath\":\"/cache\"}]"));
        assertThat(container.path("resources")).isEqualTo(Json.parseObject("{\"limits\":{\"cpu\":\"500m\","
                + "\"memory\":\"128Mi\"},\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}}"));
        assertThat(container.path("securityContext")).isEqualTo(Json.parseObject("{\"runAsUser\":1001}"));
        assertThat(container.path("imagePullPolicy").asText()).isEqualTo("Never");
    }

    @Test
    @Order(2)
    void theRevisionCarriesTheSameSpec() {
        JsonNode service = api.get(SERVICE).at("/spec/template/spec");
        JsonNode revision = await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(AssertionError.class).until(
                () -> api.send("GET", "/apis/serving.knative.dev/v1/namespaces/default/revisions/hello-00001", null,
                        null), response -> response.statusCode() == 200).body().transform(Json::parseObject);

        JsonNode spec = revision.path("spec");
        for (String field : new String[] {"volumes", "imagePullSecrets"}) {
            assertThat(spec.path(field)).as(field).isEqualTo(service.path(field));
        }
        for (String field : new String[] {"image", "volumeMounts", "resources", "securityContext", "imagePullPolicy"}) {
            assertThat(spec.at("/containers/0/" + field)).as(field).isEqualTo(service.at("/containers/0/" + field));
        }
    }

    @Test
    @Order(3)
    void updateRemovesWhatTheFlagsRemove() {
        InProcessCli.Result updated = cli.run("service", "update", "hello", "--mount", "/etc/keys-", "--limit",
                "memory-", "--user", "2000", "--pull-secret", "", "-e", "TARGET-", "--env-from", "cm:settings-",
                "--no-wait");

        assertThat(updated.exitCode()).as(updated.err()).isZero();
        JsonNode service = api.get(SERVICE);
        assertThat(service.at("/metadata/generation").asLong()).isEqualTo(2);
        JsonNode spec = service.at("/spec/template/spec");
        assertThat(spec.path("volumes").valueStream().map(v -> v.path("name").asText()))
                .containsExactly(CM_APP, ED_WORK, "cache");
        assertThat(spec.has("imagePullSecrets")).isFalse();
        JsonNode container = spec.path("containers").path(0);
        assertThat(container.path("volumeMounts").valueStream().map(m -> m.path("mountPath").asText()))
                .containsExactly("/etc/app", "/tmp/work", "/cache");
        assertThat(container.path("resources")).isEqualTo(Json.parseObject("{\"limits\":{\"cpu\":\"500m\"},"
                + "\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}}"));
        assertThat(container.path("securityContext")).isEqualTo(Json.parseObject("{\"runAsUser\":2000}"));
        assertThat(container.has("env")).isFalse();
        assertThat(container.has("envFrom")).isFalse();
    }

    @Test
    @Order(4)
    void aBadValueIsAUsageErrorNamingTheFlagAndNothingIsWritten() {
        InProcessCli.Result refused = cli.run("service", "update", "hello", "--mount", "/x=nothing", "--no-wait");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("invalid --mount '/x=nothing': there is no volume named 'nothing'");
        assertThat(api.get(SERVICE).at("/metadata/generation").asLong()).isEqualTo(2);
    }

    private static JsonNode array(String json) {
        return Json.parseObject("{\"a\":" + json + "}").path("a");
    }
}
