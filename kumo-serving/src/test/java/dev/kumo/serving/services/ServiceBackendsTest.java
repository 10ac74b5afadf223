package dev.kumo.serving.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.pod.IntOrString;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceBackendsTest {

    /** One row: the Pod's declared port (0: none) and its name, the targetPort, whether the Pod is a backend. */
    record Row(String name, int declared, String portName, Optional<IntOrString> targetPort, boolean backend) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("the declared port by number", 8080, "", Optional.of(IntOrString.of(8080)), true),
                new Row("the declared port by name", 8080, "http1", Optional.of(IntOrString.of("http1")), true),
                new Row("a number the Pod does not declare", 8080, "", Optional.of(IntOrString.of(9090)), false),
                new Row("a name the Pod does not declare", 8080, "http1", Optional.of(IntOrString.of("metrics")),
                        false),
                new Row("a name where the port has none", 8080, "", Optional.of(IntOrString.of("http1")), false),
                new Row("no declared port: its one port takes any number", 0, "", Optional.of(IntOrString.of(80)),
                        true),
                new Row("no targetPort: the Pod's port", 8080, "", Optional.empty(), true));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void backends(Row row) {
        ServiceBackends.Backends backends = ServiceBackends.of(List.of(pod(row.declared(), row.portName())),
                row.targetPort());

        if (row.backend()) {
            assertThat(backends.ready()).containsExactly(new InetSocketAddress("127.0.0.1", 40123));
            assertThat(backends.undeclared()).isEmpty();
        } else {
            assertThat(backends.ready()).isEmpty();
            assertThat(backends.undeclared()).containsExactly("web-abc-xyz");
        }
    }

    private static ObjectNode pod(int declared, String portName) {
        ObjectNode pod = Json.object();
        ObjectNode metadata = pod.putObject("metadata").put("name", "web-abc-xyz");
        if (declared > 0) {
            metadata.putObject("annotations").put("kumo.dev/container-port", Integer.toString(declared));
        }
        ObjectNode port = pod.putObject("spec").putArray("containers").addObject().putArray("ports").addObject()
                .put("containerPort", 40123);
        if (!portName.isEmpty()) {
            port.put("name", portName);
        }
        ObjectNode status = pod.putObject("status").put("podIP", "127.0.0.1");
        status.putArray("conditions").addObject().put("type", "Ready").put("status", "True");
        return pod;
    }
}
