package dev.kumo.api.printing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.registry.BuiltInKinds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The columns each built-in kind declares: kubectl's are Knative's CRDs' and kubectl's own, kn's are kn's lists. */
class BuiltInColumnsTest {

    private static final Instant NOW = Instant.parse("2025-01-01T01:00:00Z");
    private static final List<String> KN_STATUS = List.of("AGE", "CONDITIONS", "READY", "REASON");

    private static final List<String> EVENT_COLUMNS = List.of("Name", "Last Seen", "Type", "Reason", "Object",
            "Message", "First Seen", "Count");

    record Row(String kind, String apiVersion, List<String> kubectl, List<String> kn) {

        /** A row for the first kind of this name (a Knative kind before a core placeholder of the same name). */
        Row(String kind, List<String> kubectl, List<String> kn) {
            this(kind, "", kubectl, kn);
        }
        @Override
        public String toString() {
            return kind;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("Service", List.of("Name", "URL", "LatestCreated", "LatestReady", "Ready", "Reason"),
                        knList("URL", "LATEST")),
                new Row("Configuration", List.of("Name", "LatestCreated", "LatestReady", "Ready", "Reason"),
                        List.of("NAME", "AGE")),
                new Row("Revision", List.of("Name", "Config Name", "Generation", "Ready", "Reason",
                        "Actual Replicas", "Desired Replicas"), List.of("NAME", "AGE")),
                new Row("Route", List.of("Name", "URL", "Ready", "Reason"), List.of("NAME", "URL", "READY")),
                new Row("DomainMapping", List.of("Name", "URL", "Ready", "Reason"),
                        List.of("NAME", "URL", "READY", "KSVC")),
                new Row("Broker", List.of("Name", "URL", "Age", "Ready", "Reason", "Class"), knList("URL")),
                new Row("Trigger", List.of("Name", "Broker", "Subscriber_URI", "Age", "Ready", "Reason"),
                        knList("BROKER", "SINK")),
                new Row("EventType", List.of("Name", "Type", "Source", "Schema", "Reference Name", "Reference Kind",
                        "Description", "Ready", "Reason"), List.of("NAME", "TYPE", "SOURCE", "REFERENCE", "AGE",
                        "READY")),
                new Row("PingSource", List.of("Name", "Sink", "Schedule", "Age", "Ready", "Reason"),
                        knList("SCHEDULE", "SINK")),
                new Row("ApiServerSource", List.of("Name", "Sink", "Age", "Ready", "Reason"),
                        knList("RESOURCES", "SINK")),
                new Row("SinkBinding", List.of("Name", "Sink", "Age", "Ready", "Reason"), knList("SUBJECT", "SINK")),
                new Row("ContainerSource", List.of("Name", "Sink", "Age", "Ready", "Reason"),
                        knList("IMAGE", "SINK")),
                new Row("Channel", List.of("Name", "URL", "Age", "Ready", "Reason"), knList("TYPE", "URL")),
                new Row("InMemoryChannel", List.of("Name", "URL", "Age", "Ready", "Reason"), knList("TYPE", "URL")),
                new Row("Subscription", List.of("Name", "Age", "Ready", "Reason"),
                        knList("CHANNEL", "SUBSCRIBER", "REPLY", "DEAD LETTER SINK")),
                new Row("Sequence", List.of("Name", "URL", "Age", "Ready", "Reason"), knList("URL")),
                new Row("Parallel", List.of("Name", "URL", "Age", "Ready", "Reason"), knList("URL")),
                new Row("Namespace", List.of("Name", "Status", "Age"), List.of("NAME", "AGE")),
                new Row("ConfigMap", List.of("Name", "Data", "Age"), List.of("NAME", "AGE")),
                new Row("Secret", List.of("Name", "Type", "Data", "Age"), List.of("NAME", "AGE")),
                new Row("Pod", List.of("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node"),
                        List.of("NAME", "AGE")),
                new Row("ServiceAccount", List.of("Name", "Secrets", "Age"), List.of("NAME", "AGE")),
                new Row("Role", List.of("Name", "Created At"), List.of("NAME", "AGE")),
                new Row("ClusterRole", List.of("Name", "Created At"), List.of("NAME", "AGE")),
                new Row("RoleBinding", List.of("Name", "Role", "Age", "Users", "Groups", "ServiceAccounts"),
                        List.of("NAME", "AGE")),
                new Row("ClusterRoleBinding", List.of("Name", "Role", "Age", "Users", "Groups", "ServiceAccounts"),
                        List.of("NAME", "AGE")),
                // Served twice, as core v1 and events.k8s.io/v1, with Kubernetes' columns (NAME only with -o wide).
                new Row("Event", EVENT_COLUMNS, EVENT_COLUMNS),
                new Row("Event", EVENT_COLUMNS, EVENT_COLUMNS),
                new Row("CustomResourceDefinition", List.of("Name", "Created At"), List.of("NAME", "AGE")),
                new Row("Build", List.of("Name", "Registered", "Reason", "BuildStrategyKind", "BuildStrategyName",
                        "CreationTime"), List.of("NAME", "STRATEGY", "OUTPUT", "REGISTERED", "REASON", "AGE")),
                new Row("BuildRun", List.of("Name", "Succeeded", "Reason", "StartTime", "CompletionTime"),
                        List.of("NAME", "BUILD", "SUCCEEDED", "REASON", "DIGEST", "AGE")),
                new Row("ClusterBuildStrategy", List.of("Name", "Age"), List.of("NAME", "AGE")),
                placeholder("Endpoints", "v1"), placeholder("PersistentVolumeClaim", "v1"),
                placeholder("PersistentVolume", "v1"),
                placeholder("ReplicationController", "v1"),
                new Row("Service", "v1", List.of("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age"),
                        List.of("NAME", "AGE")),
                new Row("Deployment", "apps/v1", List.of("Name", "Ready", "Up-to-date", "Available", "Age"),
                        List.of("NAME", "AGE")),
                placeholder("Job", "batch/v1"), placeholder("CronJob", "batch/v1"),
                placeholder("Ingress", "networking.k8s.io/v1"), placeholder("DaemonSet", "apps/v1"),
                new Row("ReplicaSet", "apps/v1", List.of("Name", "Desired", "Current", "Ready", "Age"),
                        List.of("NAME", "AGE")),
                placeholder("StatefulSet", "apps/v1"));
    }

    /** A kind served only so that kubectl finds it (kumo-api's {@code placeholder}): NAME and AGE. */
    private static Row placeholder(String kind, String apiVersion) {
        return new Row(kind, apiVersion, List.of("Name", "Age"), List.of("NAME", "AGE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void declaresItsColumns(Row row) {
        Printing printing = (row.apiVersion().isEmpty() ? kind(row.kind())
                : BuiltInKinds.all().all().stream().filter(d -> d.type().kind().equals(row.kind())
                        && d.type().apiVersion().equals(row.apiVersion())).findFirst().orElseThrow()).printing();
        assertThat(printing.kubectl().stream().map(PrinterColumn::name)).containsExactlyElementsOf(row.kubectl());
        assertThat(printing.kn().stream().map(PrinterColumn::name)).containsExactlyElementsOf(row.kn());
    }

    @Test
    void everyKindIsCovered() {
        assertThat(BuiltInKinds.all().types().stream().map(t -> t.kind()))
                .containsExactlyInAnyOrderElementsOf(rows().map(Row::kind).toList());
    }

    @Test
    void kubectlCellsOfARevisionAndTheCoreKinds() {
        assertThat(cells("Revision", """
                {"metadata": {"name": "hello-00002", "labels": {"serving.knative.dev/configuration": "hello",
                              "serving.knative.dev/configurationGeneration": "2"}},
                 "status": {"actualReplicas": 1, "desiredReplicas": 2,
                            "conditions": [{"type": "Ready", "status": "Unknown", "reason": "Deploying"}]}}
                """)).containsExactly("hello-00002", "hello", "2", "Unknown", "Deploying", "1", "2");
        assertThat(cells("Namespace", """
                {"metadata": {"name": "team", "creationTimestamp": "2025-01-01T00:00:00Z",
                              "deletionTimestamp": "2025-01-01T00:59:00Z"}}
                """)).containsExactly("team", "Terminating", "60m");
        assertThat(cells("ConfigMap", """
                {"metadata": {"name": "settings", "creationTimestamp": "2025-01-01T00:59:30Z"},
                 "data": {"a": "1"}, "binaryData": {"b": "Ag=="}}
                """)).containsExactly("settings", "2", "30s");
        assertThat(cells("Secret", """
                {"metadata": {"name": "token"}, "type": "Opaque", "data": {"t": "YWJj"}}
                """)).containsExactly("token", "Opaque", "1", "<unknown>");
        assertThat(cells("Pod", """
                {"metadata": {"name": "hello-00001-deployment-b-c", "creationTimestamp": "2025-01-01T00:59:00Z"},
                 "spec": {"nodeName": "kumo"},
                 "status": {"phase": "Running", "podIP": "127.0.0.1", "containerStatuses": [
                     {"name": "user-container", "ready": true, "restartCount": 2, "state": {"running": {}}}]}}
                """)).containsExactly("hello-00001-deployment-b-c", "1/1", "Running", "2", "60s", "127.0.0.1",
                "kumo");
    }

    private static List<String> knList(String... middle) {
        List<String> columns = new ArrayList<>(List.of("NAME"));
        columns.addAll(List.of(middle));
        columns.addAll(KN_STATUS);
        return columns;
    }

    private static List<String> cells(String kind, String object) {
        ObjectNode table = Tables.table(kind(kind).printing().kubectl(), List.of(Json.parseObject(object)), 1, NOW);
        List<String> cells = new ArrayList<>();
        table.at("/rows/0/cells").forEach(cell -> cells.add(cell.asText()));
        return cells;
    }

    private static KindDefinition kind(String name) {
        return BuiltInKinds.all().resolve(name).orElseThrow();
    }
}
