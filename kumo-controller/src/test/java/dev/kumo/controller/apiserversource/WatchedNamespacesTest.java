package dev.kumo.controller.apiserversource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.core.Namespace;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WatchedNamespacesTest {

    private static final List<Namespace> NAMESPACES = List.of(namespace("prod", Map.of("env", "prod")),
            namespace("dev-b", Map.of("env", "dev", "team", "b")), namespace("dev-a", Map.of("env", "dev")),
            namespace("default", Map.of()));

    record Row(String name, LabelSelectorSpec selector, List<String> want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("no selector: the source's own namespace only", null, List.of("home")),
                new Row("empty selector: every namespace, sorted", new LabelSelectorSpec(null, null),
                        List.of("default", "dev-a", "dev-b", "prod")),
                new Row("matchLabels", new LabelSelectorSpec(Map.of("env", "dev"), null), List.of("dev-a", "dev-b")),
                new Row("all matchLabels must hold", new LabelSelectorSpec(Map.of("env", "dev", "team", "b"), null),
                        List.of("dev-b")),
                new Row("matchExpressions NotIn counts unlabelled namespaces", new LabelSelectorSpec(null,
                        List.of(new LabelSelectorSpec.Requirement("env", "NotIn", List.of("prod")))),
                        List.of("default", "dev-a", "dev-b")),
                new Row("matching nothing: none", new LabelSelectorSpec(Map.of("env", "test"), null), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void watched(Row row) {
        ApiServerSource source = ApiServerSource.of(ObjectMeta.of("home", "watch"), new ApiServerSourceSpec(
                Destination.of("http://127.0.0.1:9000/"), null, List.of(new ApiServerSourceSpec.Resource("v1",
                        "ConfigMap", null)), null, ApiServerSource.REFERENCE_MODE, null, row.selector(), null));

        assertThat(WatchedNamespaces.of(source, NAMESPACES)).isEqualTo(row.want());
    }

    private static Namespace namespace(String name, Map<String, String> labels) {
        ObjectMeta metadata = ObjectMeta.named(name);
        for (Map.Entry<String, String> label : labels.entrySet()) {
            metadata = metadata.withLabel(label.getKey(), label.getValue());
        }
        return new Namespace("v1", "Namespace", metadata, null, null);
    }
}
