package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl and what it learns about kinds from the server: field docs for {@code explain} from Knative's
 * CRD schemas, the CRDs themselves, aggregated discovery, {@code apply --prune} with its default allow-list, and a
 * file mixing kinds Kumo runs with ones it does not.
 */
class KubectlSchemasIT {

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        kubectl = new Kubectl(server, temp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void explainWalksNestedFieldsOfKnativesSchema() {
        Kubectl.Result containers = kubectl.run("explain", "ksvc.spec.template.spec.containers");
        assertOk(containers, "FIELD: containers <[]Object>");
        assertThat(containers.out()).contains("GROUP:      serving.knative.dev", "readinessProbe", "command\t<[]string>");
        Kubectl.Result httpGet = kubectl.run("explain", "ksvc.spec.template.spec.containers.readinessProbe.httpGet");
        assertOk(httpGet, "FIELD: httpGet <Object>");
        assertThat(httpGet.out()).contains("path\t<string>");
        assertOk(kubectl.run("explain", "trigger.spec.filter"), "attributes");
        // kubectl's older path reads the same schemas from /openapi/v2 (protobuf).
        Kubectl.Result v2 = kubectl.run("explain", "ksvc.spec.template.spec.containers",
                "--output=plaintext-openapiv2");
        assertOk(v2, "RESOURCE: containers <[]Object>");
        assertThat(v2.out()).contains("VERSION:  serving.knative.dev/v1", "readinessProbe");
    }

    @Test
    void getCrdListsTheKnativeKindsWithTheirSchemaAndRefusesChanges() {
        Kubectl.Result list = kubectl.run("get", "crd");
        assertOk(list, "services.serving.knative.dev");
        assertThat(list.out().lines().findFirst().orElseThrow()).contains("NAME", "CREATED AT");
        assertThat(list.out()).contains("triggers.eventing.knative.dev", "pingsources.sources.knative.dev",
                "inmemorychannels.messaging.knative.dev", "parallels.flows.knative.dev");
        Kubectl.Result yaml = kubectl.run("get", "crd", "services.serving.knative.dev", "-o", "yaml");
        assertOk(yaml, "openAPIV3Schema:");
        assertThat(yaml.out()).contains("kind: CustomResourceDefinition", "readinessProbe:", "- ksvc");
        Kubectl.Result delete = kubectl.run("delete", "crd", "services.serving.knative.dev");
        assertThat(delete.exitCode()).isNotZero();
        assertThat(delete.err()).contains("MethodNotAllowed");
        assertOk(kubectl.run("get", "crd", "services.serving.knative.dev"), "services.serving.knative.dev");
    }

    @Test
    void openApiV3AndV2ServeTheSameSchemas() {
        Kubectl.Result index = kubectl.run("get", "--raw", "/openapi/v3");
        assertOk(index, "apis/serving.knative.dev/v1");
        String url = index.out().replaceAll("(?s).*\"apis/serving.knative.dev/v1\":\\{\"serverRelativeURL\":\"([^\"]+)\".*",
                "$1");
        Kubectl.Result v3 = kubectl.run("get", "--raw", url);
        assertOk(v3, "\"dev.knative.serving.v1.Service\"");
        assertThat(v3.out()).contains("\"fieldValidation\"", "\"readinessProbe\"");
        Kubectl.Result v2 = kubectl.run("get", "--raw", "/openapi/v2");
        assertOk(v2, "\"swagger\":\"2.0\"");
        assertThat(v2.out()).contains("\"dev.knative.serving.v1.Service\"", "\"readinessProbe\"",
                "\"io.k8s.api.apps.v1.Deployment\"");
    }

    @Test
    void aggregatedDiscoveryLetsAFreshKubectlFindKindsInTwoRequests() throws IOException {
        Path fresh = Files.createDirectories(temp.resolve("fresh-cache"));
        Kubectl.Result result = new Kubectl(server, fresh).run("get", "ksvc", "-v=6");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> gets = result.err().lines().filter(l -> l.contains("GET http")).toList();
        // /api and /apis (aggregated), then the list itself — legacy discovery took 9 requests here.
        assertThat(gets).as(String.join("\n", gets)).hasSize(3);
        assertThat(gets.get(0)).contains("/api?");
        assertThat(gets.get(1)).contains("/apis?");
        assertThat(gets).noneMatch(l -> l.contains("/apis/serving.knative.dev/v1?") || l.contains("/api/v1?"));
    }

    @Test
    void applyPruneWorksWithTheDefaultAllowListAndRemovesAKsvcNoLongerInTheDirectory() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("prune"));
        Files.writeString(dir.resolve("a.yaml"), ksvc("prune-a", "app: x"));
        Files.writeString(dir.resolve("b.yaml"), ksvc("prune-b", "app: x"));
        // The default allow-list (Endpoints, Pods, Deployments, …): each kind must answer list, empty here.
        Kubectl.Result first = kubectl.run("apply", "--prune", "-l", "app=x", "-f", dir.toString());
        assertOk(first, "service.serving.knative.dev/prune-b created");
        assertThat(first.err()).doesNotContain("error", "couldn't find");
        Files.delete(dir.resolve("b.yaml"));
        // As on Kubernetes, a custom kind is pruned when it is in the allow-list.
        Kubectl.Result pruned = kubectl.run("apply", "--prune", "-l", "app=x", "-f", dir.toString(),
                "--prune-allowlist=serving.knative.dev/v1/Service");
        assertOk(pruned, "service.serving.knative.dev/prune-b pruned");
        assertOk(kubectl.run("get", "ksvc", "-o", "name"), "prune-a");
        assertThat(kubectl.run("get", "ksvc", "-o", "name").out()).doesNotContain("prune-b");
        // Pods are real (one per running instance: prune-a's may be running), the rest are placeholders.
        Kubectl.Result empty = kubectl.run("get", "deployments,services,endpoints,jobs,ingresses");
        assertThat(empty.exitCode()).as(empty.err()).isZero();
        assertThat(empty.err()).contains("No resources found");
    }

    @Test
    void aMixedFileAppliesWhatKumoServesAndNamesEachKindItRefuses() throws IOException {
        Path mixed = temp.resolve("mixed.yaml");
        Files.writeString(mixed, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: web
                spec:
                  serviceName: web
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: nginx}]
                ---
                apiVersion: v1
                kind: Endpoints
                metadata:
                  name: web
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: sa
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 3
                ---
                """ + ksvc("mixed", "app: mixed"));
        Kubectl.Result result = kubectl.run("apply", "-f", mixed.toString());
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.out()).contains("service.serving.knative.dev/mixed created");
        assertThat(result.err()).contains("Error from server (MethodNotAllowed): error when creating",
                "Kumo does not run StatefulSet (apps/v1) objects yet", "Kumo does not run Endpoints (v1) objects yet",
                "Kumo serves: ", "no matches for kind \"HorizontalPodAutoscaler\" in version \"autoscaling/v2\"");
        // ServiceAccount is added by another part of issue #15: either it is created or kubectl names it.
        assertThat(result.out().contains("serviceaccount/sa created")
                || result.err().contains("no matches for kind \"ServiceAccount\"")).as(result.out() + result.err())
                .isTrue();
        assertOk(kubectl.run("get", "ksvc", "mixed", "-o", "name"), "service.serving.knative.dev/mixed");
        assertThat(kubectl.run("get", "statefulsets").err()).contains("No resources found");
    }

    private static String ksvc(String name, String label) {
        return """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: %s
                  labels: {%s}
                spec:
                  template:
                    spec:
                      containers:
                      - command: ["python3", "-m", "http.server", "8080"]
                """.formatted(name, label);
    }

    private static void assertOk(Kubectl.Result result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).as(result.err()).contains(expected);
    }
}
