package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.normalized;
import static dev.kumo.api.serving.ServingFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.TypedCodec;
import org.junit.jupiter.api.Test;

/**
 * Everything the container runtime translates — sidecars, ports, mounts, exec and grpc probes, the securityContext,
 * pull policy and secrets, emptyDir/configMap/secret/projected volumes with items and modes — decodes with no unknown
 * field and encodes back unchanged, so kubectl apply of Knative's multi-container and volume samples keeps working.
 */
class PodFieldsRoundTripTest {

    @Test
    void aMultiContainerRevisionWithVolumesProbesAndHardeningRoundTrips() {
        ObjectNode revision = yaml("""
                apiVersion: serving.knative.dev/v1
                kind: Revision
                metadata: {name: hello-00001, namespace: default}
                spec:
                  imagePullSecrets: [{name: regcred}]
                  containers:
                    - name: app
                      image: dev.local/hello:1
                      imagePullPolicy: IfNotPresent
                      ports: [{containerPort: 8080}]
                      volumeMounts:
                        - {name: config, mountPath: /etc/app, readOnly: true}
                        - {name: creds, mountPath: /etc/creds/password, readOnly: true, subPath: password}
                        - {name: scratch, mountPath: /scratch}
                      readinessProbe: {grpc: {port: 8080, service: ready}, periodSeconds: 1}
                      livenessProbe: {exec: {command: [cat, /scratch/healthy]}, failureThreshold: 2}
                      resources: {limits: {memory: 64Mi, cpu: 500m}, requests: {memory: 32Mi}}
                      securityContext:
                        runAsUser: 1000
                        runAsNonRoot: true
                        readOnlyRootFilesystem: true
                        allowPrivilegeEscalation: false
                        capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
                    - name: proxy
                      image: dev.local/proxy:1
                      args: [--upstream, "127.0.0.1:8080"]
                      volumeMounts: [{name: scratch, mountPath: /scratch}]
                      livenessProbe: {tcpSocket: {port: 9901}}
                  volumes:
                    - {name: config, configMap: {name: settings, defaultMode: 420, optional: true}}
                    - name: creds
                      secret: {secretName: creds, items: [{key: password, path: password, mode: 256}]}
                    - {name: scratch, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
                    - name: both
                      projected:
                        defaultMode: 384
                        sources:
                          - configMap: {name: settings, items: [{key: level, path: level}]}
                          - secret: {name: creds, optional: false}
                """);

        TypedCodec.Decoded<Revision> decoded = TypedCodec.decode(revision, Revision.class);

        assertThat(decoded.unknownFields()).isEmpty();
        assertThat(normalized(decoded.value())).isEqualTo(normalized(revision));
        assertThat(decoded.value().spec().containers().get(0).securityContext().capabilities().drop())
                .containsExactly("ALL");
        assertThat(decoded.value().spec().containers().get(0).livenessProbe().exec().command())
                .containsExactly("cat", "/scratch/healthy");
    }
}
