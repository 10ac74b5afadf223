package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fabric8 kubernetes-client, a client nobody here wrote, driving a running Kumo over HTTPS with its token and CA:
 * Knative Services as generic resources (create, get, list, patch, delete), server-side apply, Pods with their logs,
 * and Events. Its watches and informers, which go over a WebSocket, are {@link KubernetesWatchesIT}'s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesClientsIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        ApiAccess access = ApiAccess.of(server);
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(access.url().toString())
                .withOauthToken(access.token().orElseThrow())
                .withCaCertFile(access.ca().orElseThrow().toString()).withNamespace("default").build();
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    @Test
    @Order(1)
    void genericResourcesCreateGetListPatchAndDeleteAKnativeService() {
        GenericKubernetesResource created = services().resource(service("generic", "one")).create();
        assertThat(created.getMetadata().getResourceVersion()).isNotBlank();

        GenericKubernetesResource got = services().withName("generic").get();
        assertThat(got.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
        assertThat(services().list().getItems()).extracting(item -> item.getMetadata().getName())
                .contains("generic");

        services().withName("generic").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"team\":\"blue\"}}}");
        assertThat(services().withName("generic").get().getMetadata().getLabels()).containsEntry("team", "blue");
        await("the Service ready").atMost(SETTLE).until(() -> ready(services().withName("generic").get()));

        services().withName("generic").delete();
        await("the Service gone").atMost(SETTLE).until(() -> services().withName("generic").get() == null);
    }

    @Test
    @Order(4)
    void serverSideApplyCreatesAndThenUpdatesAService() {
        GenericKubernetesResource applied = services().resource(service("applied", "one"))
                .fieldManager("fabric8-it").forceConflicts().serverSideApply();
        assertThat(applied.getMetadata().getName()).isEqualTo("applied");
        services().resource(service("applied", "two")).fieldManager("fabric8-it").forceConflicts().serverSideApply();
        assertThat(target(services().withName("applied").get())).isEqualTo("two");
    }

    @Test
    @Order(5)
    void podsListAndTheirLogReadTheInstancesOutput() {
        services().resource(service("logged", "one")).create();
        Pod pod = await("a Pod of logged").atMost(SETTLE).until(() -> client.pods().inNamespace("default")
                .withLabel("serving.knative.dev/service", "logged").list().getItems(), pods -> pods.size() == 1)
                .getFirst();
        assertThat(pod.getMetadata().getName()).startsWith("logged-00001-deployment-");
        await("the start logged").atMost(SETTLE).until(() -> client.pods().inNamespace("default")
                .withName(pod.getMetadata().getName()).getLog().contains("hello-python listening on"));
    }

    @Test
    @Order(6)
    void eventsListWhatHappenedToTheServices() {
        await("an Event about a Revision").atMost(SETTLE).until(() -> client.v1().events().inNamespace("default")
                .list().getItems().stream().anyMatch(event -> "Revision".equals(event.getInvolvedObject().getKind())));
    }

    private static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> services() {
        return client.genericKubernetesResources("serving.knative.dev/v1", "Service");
    }

    /** A ksvc running hello-python as a process, its {@code TARGET} set to {@code target}. */
    private static GenericKubernetesResource service(String name, String target) {
        return helloPython(client, name, target);
    }

    /** A ksvc running hello-python as a process, its {@code TARGET} set to {@code target}, read by {@code client}. */
    static GenericKubernetesResource helloPython(KubernetesClient client, String name, String target) {
        String yaml = """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: %s
                  namespace: default
                spec:
                  template:
                    spec:
                      containers:
                        - command: ["python3"]
                          args: ["app.py"]
                          workingDir: %s
                          env:
                            - name: TARGET
                              value: %s
                """.formatted(name, SAMPLE, target);
        return client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    private static String target(GenericKubernetesResource service) {
        Map<String, Object> container = ((List<Map<String, Object>>) service.get("spec", "template", "spec",
                "containers")).getFirst();
        return ((List<Map<String, Object>>) container.get("env")).getFirst().get("value").toString();
    }

    @SuppressWarnings("unchecked")
    private static boolean ready(GenericKubernetesResource service) {
        Map<String, Object> status = (Map<String, Object>) service.getAdditionalProperties().get("status");
        return status != null && ((List<Map<String, Object>>) status.getOrDefault("conditions", List.of())).stream()
                .anyMatch(condition -> "Ready".equals(condition.get("type"))
                        && "True".equals(condition.get("status")));
    }
}
