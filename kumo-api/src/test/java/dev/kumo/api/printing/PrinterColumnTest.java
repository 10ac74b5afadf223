package dev.kumo.api.printing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PrinterColumnTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:05:00Z");
    private static final String READY = ".status.conditions[?(@.type==\"Ready\")]";
    private static final ObjectNode FAILING = Json.parseObject("""
            {"metadata": {"name": "hello", "creationTimestamp": "2025-01-01T00:00:00Z",
                          "deletionTimestamp": "2025-01-01T00:04:00Z"},
             "data": {"a": "1", "b": "2"}, "binaryData": {"c": "3"},
             "spec": {"sink": {"ref": {"apiVersion": "serving.knative.dev/v1", "kind": "Service", "name": "s"}},
                      "resources": [{"kind": "Event", "apiVersion": "v1"},
                                    {"kind": "Pod", "apiVersion": "v1", "selector": {"matchLabels": {"app": "a"}}}],
                      "template": {"spec": {"containers": [{"command": ["python3"], "args": ["emit.py"]}]}}},
             "status": {"conditions": [
                 {"type": "SinkProvided", "status": "True"},
                 {"type": "Ready", "status": "False", "reason": "NoSink", "message": "not found"}]}}
            """);
    private static final ObjectNode CRASHING_POD = Json.parseObject("""
            {"metadata": {"name": "hello-00001-deployment-b-c"},
             "status": {"phase": "Running", "containerStatuses": [
                 {"name": "user-container", "ready": false, "restartCount": 3,
                  "state": {"waiting": {"reason": "CrashLoopBackOff"}}},
                 {"name": "sidecar", "ready": true, "restartCount": 1, "state": {"running": {}}}]}}
            """);
    private static final ObjectNode BARE = Json.parseObject("{\"metadata\": {\"name\": \"bare\"}}");

    record Row(String name, PrinterColumn column, ObjectNode object, String want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("name", PrinterColumn.name("Name"), FAILING, "hello"),
                new Row("a value", PrinterColumn.value("Ready", READY + ".status"), FAILING, "False"),
                new Row("a missing value is empty", PrinterColumn.value("URL", ".status.url"), FAILING, ""),
                new Row("age at the clock", PrinterColumn.age("Age"), FAILING, "5m"),
                new Row("age without a timestamp", PrinterColumn.age("Age"), BARE, "<unknown>"),
                new Row("a timestamp for the client", PrinterColumn.created("AGE"), FAILING, "2025-01-01T00:00:00Z"),
                new Row("count", PrinterColumn.rendered("Data", "['data','binaryData']", Cell.COUNT), FAILING, "3"),
                new Row("count of nothing", PrinterColumn.rendered("Data", ".data", Cell.COUNT), BARE, "0"),
                new Row("terminating", PrinterColumn.rendered("Status", ".metadata.deletionTimestamp",
                        Cell.LIFECYCLE), FAILING, "Terminating"),
                new Row("active", PrinterColumn.rendered("Status", ".metadata.deletionTimestamp", Cell.LIFECYCLE),
                        BARE, "Active"),
                new Row("conditions", PrinterColumn.rendered("C", ".status.conditions", Cell.CONDITIONS), FAILING,
                        "1 OK / 2"),
                new Row("no conditions", PrinterColumn.rendered("C", ".status.conditions", Cell.CONDITIONS), BARE,
                        "0 OK / 0"),
                new Row("kn ready", PrinterColumn.rendered("R", READY, Cell.READY), FAILING, "False"),
                new Row("kn ready unknown", PrinterColumn.rendered("R", READY, Cell.READY), BARE, "<unknown>"),
                new Row("kn reason", PrinterColumn.rendered("R", READY, Cell.REASON), FAILING, "NoSink : not found"),
                new Row("kn reason unknown", PrinterColumn.rendered("R", READY, Cell.REASON), BARE, "<unknown>"),
                new Row("destination", PrinterColumn.rendered("S", ".spec.sink", Cell.DESTINATION), FAILING,
                        "ksvc:s"),
                new Row("references", PrinterColumn.rendered("R", ".spec.resources[*]", Cell.REFERENCE), FAILING,
                        "Event:v1,Pod:v1:app=a"),
                new Row("pod ready", PrinterColumn.rendered("Ready", ".status.containerStatuses",
                        Cell.CONTAINERS_READY), CRASHING_POD, "1/2"),
                new Row("pod restarts", PrinterColumn.rendered("Restarts", ".status.containerStatuses",
                        Cell.RESTARTS), CRASHING_POD, "4"),
                new Row("pod status: a waiting reason before the phase", PrinterColumn.rendered("Status", ".status",
                        Cell.POD_STATUS), CRASHING_POD, "CrashLoopBackOff"),
                new Row("pod status: the phase", PrinterColumn.rendered("Status", ".status", Cell.POD_STATUS),
                        Json.parseObject("{\"status\": {\"phase\": \"Running\", \"containerStatuses\": "
                                + "[{\"state\": {\"running\": {}}}]}}"), "Running"),
                new Row("pod status unknown", PrinterColumn.rendered("Status", ".status", Cell.POD_STATUS), BARE,
                        "Unknown"),
                new Row("command for an image", PrinterColumn.rendered("I", ".spec.template.spec.containers[0]",
                        Cell.IMAGE_OR_COMMAND), FAILING, "python3 emit.py"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void renders(Row row) {
        assertThat(row.column().cell(row.object(), NOW)).isEqualTo(row.want());
    }

    @Test
    void onlyATimestampSentAsIsIsDeclaredADate() {
        assertThat(PrinterColumn.created("AGE").tableType()).isEqualTo("date");
        assertThat(PrinterColumn.age("Age").tableType()).isEqualTo("string");
        assertThat(PrinterColumn.value("URL", ".status.url").tableType()).isEqualTo("string");
    }

    @Test
    void wideColumnsHaveAPriority() {
        assertThat(PrinterColumn.value("Class", ".spec.class").priority()).isZero();
        assertThat(PrinterColumn.value("Class", ".spec.class").wide().priority()).isEqualTo(1);
    }
}
