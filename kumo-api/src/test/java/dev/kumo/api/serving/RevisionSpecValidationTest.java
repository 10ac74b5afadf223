package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.SERVICE;

import dev.kumo.api.testing.ValidationRow;
import java.util.stream.Stream;

/** Rows for the Revision spec rules, run through a Service's template by {@link ServiceValidationTest}. */
final class RevisionSpecValidationTest {

    private static final String S = "spec.template.spec";
    private static final String C = S + ".containers[0]";
    private static final String IMAGE = "image: ghcr.io/knative/helloworld-go:latest";

    private RevisionSpecValidationTest() {
    }

    static Stream<ValidationRow> rows() {
        return Stream.of(
                row("timeout at most 600", "{timeoutSeconds: 601}", S + ".timeoutSeconds",
                        "Invalid value: 601: expected 0 <= 601 <= 600"),
                row("timeout not negative", "{timeoutSeconds: -1}", S + ".timeoutSeconds",
                        "Invalid value: -1: expected 0 <= -1 <= 600"),
                row("container concurrency at most 1000", "{containerConcurrency: 1001}", S + ".containerConcurrency",
                        "Invalid value: 1001: expected 0 <= 1001 <= 1000"),
                row("container concurrency not negative", "{containerConcurrency: -1}", S + ".containerConcurrency",
                        "Invalid value: -1: expected 0 <= -1 <= 1000"),
                row("a container is required", "{containers: []}", S + ".containers",
                        "Required value: a Revision runs exactly one serving container"),
                row("one port per container", containers("[{" + IMAGE + ", ports: [{containerPort: 8080}, "
                        + "{containerPort: 8081}]}]"), S + ".containers[*].ports", "Invalid value: 2: more than one "
                        + "container port is set: Only a single port is allowed across all containers"),
                row("one port across containers", containers("[{" + IMAGE + ", ports: [{containerPort: 8080}]}, "
                        + "{name: b, " + IMAGE + ", ports: [{containerPort: 9000}]}]"), S + ".containers[*].ports",
                        "Invalid value: 2: more than one container port is set: Only a single port is allowed "
                                + "across all containers"),
                row("several containers need a serving port", containers("[{name: a, " + IMAGE + "}, {name: b, "
                        + IMAGE + "}]"), S + ".containers[*].ports", "Required value: with several containers, the one "
                        + "that serves traffic must declare its port"),
                row("container names are unique", containers("[{name: a, " + IMAGE + ", ports: [{containerPort: "
                        + "8080}]}, {name: a, " + IMAGE + "}]"), S + ".containers[1].name", "Duplicate value: \"a\""),
                row("port names are http1, h2c or none", port("{name: http, containerPort: 8080}"),
                        C + ".ports[0].name", "Invalid value: \"http\": Port name http is not allowed: Name must be "
                                + "empty, or one of: 'h2c', 'http1'"),
                row("port 8012 is reserved", port("{containerPort: 8012}"), C + ".ports[0].containerPort",
                        "Invalid value: 8012: 8012 is a reserved port, please use a different value"),
                row("port 8013 is reserved", port("{containerPort: 8013}"), C + ".ports[0].containerPort",
                        "Invalid value: 8013: 8013 is a reserved port, please use a different value"),
                row("port 8022 is reserved", port("{containerPort: 8022}"), C + ".ports[0].containerPort",
                        "Invalid value: 8022: 8022 is a reserved port, please use a different value"),
                row("port 9090 is reserved", port("{containerPort: 9090}"), C + ".ports[0].containerPort",
                        "Invalid value: 9090: 9090 is a reserved port, please use a different value"),
                row("port 9091 is reserved", port("{containerPort: 9091}"), C + ".ports[0].containerPort",
                        "Invalid value: 9091: 9091 is a reserved port, please use a different value"),
                row("port at most 65535", port("{containerPort: 70000}"), C + ".ports[0].containerPort",
                        "Invalid value: 70000: expected 0 <= 70000 <= 65535"),
                row("port is TCP", port("{containerPort: 8080, protocol: UDP}"), C + ".ports[0].protocol",
                        "Invalid value: \"UDP\": only TCP is supported"),
                row("PORT is reserved", container("env: [{name: PORT, value: '9000'}]"), C + ".env[0].name",
                        "Invalid value: \"PORT\": \"PORT\" is a reserved environment variable"),
                row("K_SERVICE is reserved", container("env: [{name: K_SERVICE, value: x}]"), C + ".env[0].name",
                        "Invalid value: \"K_SERVICE\": \"K_SERVICE\" is a reserved environment variable"),
                row("env names are required", container("env: [{value: x}]"), C + ".env[0].name", "Required value"),
                row("one env source", container("env: [{name: A, valueFrom: {configMapKeyRef: {name: c, key: k}, "
                        + "secretKeyRef: {name: s, key: k}}}]"), C + ".env[0].valueFrom",
                        "Forbidden: expected exactly one, got both: configMapKeyRef, secretKeyRef"),
                row("env keys are required", container("env: [{name: A, valueFrom: {secretKeyRef: {name: s}}}]"),
                        C + ".env[0].valueFrom.secretKeyRef.key", "Required value"),
                row("envFrom names a source", container("envFrom: [{prefix: X_}]"), C + ".envFrom[0]",
                        "Required value: expected exactly one, got neither: configMapRef, secretRef"),
                row("an image or a command is required", containers("[{ports: [{containerPort: 8080}]}]"),
                        C + ".image", "Required value: set an image, or a command to run as a host process"),
                row("the image parses", containers("[{image: 'ghcr.io/Knative/Hello World'}]"), C + ".image",
                        "Invalid value: \"ghcr.io/Knative/Hello World\": Failed to parse image reference: want "
                                + "[registry/]repository[:tag][@digest] in lower case, e.g. "
                                + "ghcr.io/knative/helloworld-go:latest"),
                row("queue-proxy is a reserved name", container("name: queue-proxy"), C + ".name",
                        "Invalid value: \"queue-proxy\": \"queue-proxy\" is a reserved container name"),
                row("mounts name a declared volume", container("volumeMounts: [{name: cfg, mountPath: /etc/cfg}]"),
                        C + ".volumeMounts[0].name", "Invalid value: \"cfg\": volumeMount has no matching volume; "
                                + "declare it in spec.volumes"),
                row("volumes are mounted", "{volumes: [{name: cfg, configMap: {name: settings}}]}",
                        S + ".volumes[0].name", "Invalid value: \"cfg\": volume with name \"cfg\" not mounted"),
                row("volumes have one source", mounted("{name: cfg, configMap: {name: c}, secret: {secretName: s}}",
                        "{name: cfg, mountPath: /etc/cfg}"), S + ".volumes[0]",
                        "Forbidden: expected exactly one, got both: secret, configMap"),
                row("volumes have a source", mounted("{name: cfg}", "{name: cfg, mountPath: /etc/cfg}"),
                        S + ".volumes[0]", "Required value: expected exactly one, got neither: secret, configMap, "
                                + "projected, emptyDir"),
                row("mount paths are not reserved", mounted("{name: cfg, configMap: {name: c}}",
                        "{name: cfg, mountPath: /dev/}"), C + ".volumeMounts[0].mountPath",
                        "Invalid value: \"/dev/\": mountPath \"/dev\" is a reserved path"),
                row("mount paths are absolute", mounted("{name: cfg, configMap: {name: c}}",
                        "{name: cfg, mountPath: etc/cfg}"), C + ".volumeMounts[0].mountPath",
                        "Invalid value: \"etc/cfg\": must be an absolute path"),
                row("a probe has one handler", container("readinessProbe: {httpGet: {path: /}, tcpSocket: {}}"),
                        C + ".readinessProbe", "Forbidden: expected exactly one, got both: httpGet, tcpSocket"),
                row("probes aim at the serving port", container("readinessProbe: {httpGet: {port: admin}}"),
                        C + ".readinessProbe.httpGet.port", "Invalid value: \"admin\": Probe port must match "
                                + "container port"),
                row("liveness probes aim at the serving port", container("livenessProbe: {tcpSocket: {port: x}}"),
                        C + ".livenessProbe.tcpSocket.port", "Invalid value: \"x\": Probe port must match container "
                                + "port"),
                row("aggressive probing has no timeout", container("readinessProbe: {tcpSocket: {}, periodSeconds: 0, "
                        + "timeoutSeconds: 5}"), C + ".readinessProbe.timeoutSeconds",
                        "Forbidden: timeoutSeconds is disallowed when periodSeconds is zero"),
                row("probe periods are not negative", container("readinessProbe: {tcpSocket: {}, periodSeconds: -1}"),
                        C + ".readinessProbe.periodSeconds", "Invalid value: -1: expected 0 <= -1 <= 2147483647"),
                row("sidecars are not probed", containers("[{" + IMAGE + ", ports: [{containerPort: 8080}]}, "
                        + "{name: side, " + IMAGE + ", readinessProbe: {tcpSocket: {port: 9000}}}]"),
                        S + ".containers[1].readinessProbe", "Forbidden: must not set the field(s): only the serving "
                                + "container (the one with a port) is probed"),
                row("service account names are DNS subdomains", "{serviceAccountName: Bad_SA}",
                        S + ".serviceAccountName", "Invalid value: \"Bad_SA\": a lowercase RFC 1123 subdomain must "
                                + "consist of lower case alphanumeric characters, '-' or '.', and must start and end "
                                + "with an alphanumeric character (e.g. 'example.com')"));
    }

    private static ValidationRow row(String name, String specPatch, String field, String detail) {
        return new ValidationRow(name, SERVICE, "spec: {template: {spec: " + specPatch + "}}", field,
                field + ": " + detail);
    }

    private static String containers(String list) {
        return "{containers: " + list + "}";
    }

    private static String container(String fields) {
        return containers("[{" + IMAGE + ", ports: [{containerPort: 8080}], " + fields + "}]");
    }

    private static String port(String port) {
        return containers("[{" + IMAGE + ", ports: [" + port + "]}]");
    }

    private static String mounted(String volume, String mount) {
        return "{volumes: [" + volume + "], containers: [{" + IMAGE + ", volumeMounts: [" + mount + "]}]}";
    }
}
