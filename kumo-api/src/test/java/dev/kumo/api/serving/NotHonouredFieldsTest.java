package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.SERVICE;
import static dev.kumo.api.serving.ServingFixtures.admit;
import static dev.kumo.api.serving.ServingFixtures.normalized;
import static dev.kumo.api.serving.ServingFixtures.patched;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.Admitted;
import org.junit.jupiter.api.Test;

/** Fields Knative has but Kumo does not enforce are stored as written, each with a warning. */
class NotHonouredFieldsTest {

    private static final String SPEC = """
            spec:
              template:
                spec:
                  serviceAccountName: builder
                  imagePullSecrets: [{name: registry}]
                  nodeSelector: {disktype: ssd}
                  runtimeClassName: gvisor
                  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}}}
                  tolerations: [{key: dedicated, operator: Equal, value: web, effect: NoSchedule}]
                  securityContext: {runAsNonRoot: true, fsGroup: 2000}
                  volumes: [{name: cfg, configMap: {name: settings, items: [{key: a, path: a.txt}]}}]
                  containers:
                    - image: ghcr.io/knative/helloworld-go:latest
                      imagePullPolicy: IfNotPresent
                      resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 0.25}}
                      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                      livenessProbe: {httpGet: {path: /live}}
                      volumeMounts: [{name: cfg, mountPath: /etc/cfg, readOnly: true}]
                      env:
                        - name: NODE
                          valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
            """;

    @Test
    void keepsEachFieldAndWarnsAboutIt() {
        ObjectNode manifest = patched(SERVICE, SPEC);

        Admitted admitted = admit(manifest.deepCopy());

        // An image with no command runs in the container runtime, which honours volumes, imagePullSecrets,
        // imagePullPolicy, the livenessProbe and the hardening settings (issue #12): only the rest warn. Until then
        // every field here warned "kept but not enforced by Kumo's process runtime".
        String s = "spec.template.spec";
        String c = s + ".containers[0]";
        String neither = ": kept but not enforced by Kumo (neither its process nor its container runtime acts on it)";
        assertThat(admitted.warnings()).containsExactly(
                s + ".serviceAccountName" + neither,
                s + ".affinity" + neither,
                s + ".nodeSelector" + neither,
                s + ".tolerations" + neither,
                s + ".runtimeClassName" + neither,
                s + ".securityContext.fsGroup" + neither,
                c + ".resources.requests" + neither,
                c + ".env[0].valueFrom.fieldRef" + neither);
        for (String field : new String[] {"affinity", "tolerations", "securityContext", "volumes", "nodeSelector"}) {
            assertThat(normalized(admitted.object().at("/spec/template/spec/" + field)))
                    .isEqualTo(normalized(manifest.at("/spec/template/spec/" + field)));
        }
        assertThat(normalized(admitted.object().at("/spec/template/spec/containers/0/resources")))
                .isEqualTo(normalized(manifest.at("/spec/template/spec/containers/0/resources")));
    }

    @Test
    void aRevisionRunAsAProcessSaysTheProcessRuntimeIgnoresWhatOnlyContainersHonour() {
        ObjectNode manifest = patched(SERVICE, SPEC.replace("- image: ghcr.io/knative/helloworld-go:latest",
                "- command: [./server]"));

        String s = "spec.template.spec";
        String c = s + ".containers[0]";
        String ignored = ": kept but not enforced: ignored by the process runtime, which runs this Revision (the "
                + "container runtime honours it for images)";
        assertThat(admit(manifest).warnings()).contains(s + ".volumes" + ignored, s + ".imagePullSecrets" + ignored,
                        c + ".imagePullPolicy" + ignored, c + ".securityContext.allowPrivilegeEscalation" + ignored,
                        c + ".securityContext.capabilities" + ignored)
                .contains(s + ".serviceAccountName: kept but not enforced by Kumo (neither its process nor its "
                        + "container runtime acts on it)")
                .as("both runtimes run liveness probes").noneMatch(w -> w.contains("livenessProbe"))
                .hasSize(13);
    }

    @Test
    void theRuntimeAnnotationDecidesAndAnImageWithACommandMayRunEither() {
        String volumes = "spec.template.spec.volumes: kept but not enforced";
        ObjectNode forced = patched(SERVICE, SPEC.replace("  template:\n", "  template:\n    metadata: "
                + "{annotations: {kumo.dev/runtime: process}}\n"));
        ObjectNode both = patched(SERVICE, SPEC.replace("- image: ghcr.io/knative/helloworld-go:latest",
                "- image: ghcr.io/knative/helloworld-go:latest\n          command: [/ko-app/helloworld]"));

        assertThat(forced.at("/spec/template/metadata/annotations").size()).isOne();
        assertThat(admit(forced).warnings()).contains(volumes + ": ignored by the process runtime, which runs this "
                + "Revision (the container runtime honours it for images)");
        assertThat(admit(both).warnings()).anyMatch(w -> w.startsWith(volumes + " if this Revision runs as a "
                + "process: it has an image and a command, so the server's default-runtime decides"));
    }
}
