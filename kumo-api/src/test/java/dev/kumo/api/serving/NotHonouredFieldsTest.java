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

        String s = "spec.template.spec";
        String c = s + ".containers[0]";
        assertThat(admitted.warnings()).containsExactly(
                s + ".volumes: kept but not enforced by Kumo's process runtime",
                s + ".serviceAccountName: kept but not enforced by Kumo's process runtime",
                s + ".imagePullSecrets: kept but not enforced by Kumo's process runtime",
                s + ".affinity: kept but not enforced by Kumo's process runtime",
                s + ".nodeSelector: kept but not enforced by Kumo's process runtime",
                s + ".tolerations: kept but not enforced by Kumo's process runtime",
                s + ".runtimeClassName: kept but not enforced by Kumo's process runtime",
                s + ".securityContext.fsGroup: kept but not enforced by Kumo's process runtime",
                c + ".livenessProbe: kept but not enforced by Kumo's process runtime",
                c + ".imagePullPolicy: kept but not enforced by Kumo's process runtime",
                c + ".resources.requests: kept but not enforced by Kumo's process runtime",
                c + ".securityContext.allowPrivilegeEscalation: kept but not enforced by Kumo's process runtime",
                c + ".securityContext.capabilities: kept but not enforced by Kumo's process runtime",
                c + ".env[0].valueFrom.fieldRef: kept but not enforced by Kumo's process runtime");
        for (String field : new String[] {"affinity", "tolerations", "securityContext", "volumes", "nodeSelector"}) {
            assertThat(normalized(admitted.object().at("/spec/template/spec/" + field)))
                    .isEqualTo(normalized(manifest.at("/spec/template/spec/" + field)));
        }
        assertThat(normalized(admitted.object().at("/spec/template/spec/containers/0/resources")))
                .isEqualTo(normalized(manifest.at("/spec/template/spec/containers/0/resources")));
    }
}
