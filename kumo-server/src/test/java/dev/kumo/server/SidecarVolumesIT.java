package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Knative's multi-container volumes through the server: a sidecar mounts the Revision's volumes as the serving
 * container does — it copies a ConfigMap file it mounts into an emptyDir it shares with the serving container,
 * which serves that directory through the ingress; an edit of the ConfigMap reaches the sidecar (eventually, as
 * the kubelet syncs it) and so the answer.
 */
class SidecarVolumesIT {

    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("busybox");

    @Test
    void aSidecarFillsASharedEmptyDirFromAConfigMapAndTheServingContainerServesIt() {
        TestApi api = KUMO.api();
        api.create(CONFIGMAPS, """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"greeting"},
                 "data":{"text":"hello from a ConfigMap"}}""");
        api.create(SERVICES, """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"shared"},
                 "spec":{"template":{"metadata":{"annotations":{"kumo.dev/runtime":"container"}},"spec":{
                   "containers":[
                     {"name":"app","image":"dev.local/kumo-samples/busybox",
                      "command":["httpd","-f","-p","8080","-h","/shared"],"ports":[{"containerPort":8080}],
                      "volumeMounts":[{"name":"shared","mountPath":"/shared","readOnly":true}]},
                     {"name":"copier","image":"dev.local/kumo-samples/busybox",
                      "command":["sh","-c","while true; do cat /etc/greeting/text > /shared/next && mv /shared/next /shared/index.html; sleep 1; done"],
                      "volumeMounts":[{"name":"shared","mountPath":"/shared"},
                                      {"name":"greeting","mountPath":"/etc/greeting","readOnly":true}]}],
                   "volumes":[{"name":"shared","emptyDir":{}},
                              {"name":"greeting","configMap":{"name":"greeting"}}]}}}}""");

        api.awaitCondition(SERVICES + "/shared", "Ready", "True");
        awaitAnswer("hello from a ConfigMap");

        api.send("PATCH", CONFIGMAPS + "/greeting", "{\"data\":{\"text\":\"updated\"}}",
                "application/merge-patch+json");
        awaitAnswer("updated");
    }

    /** Waits until the Service answers {@code body} through the ingress (the sidecar copies once a second). */
    private static void awaitAnswer(String body) {
        HttpResponse<String> answer = await("the Service answers " + body).atMost(SETTLE).until(
                () -> KUMO.ingress().get("shared.default.localhost", "/"),
                r -> r.statusCode() == 200 && r.body().equals(body));
        assertThat(answer.body()).isEqualTo(body);
    }
}
