package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourcePathTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "serving.knative.dev | namespaces/default/services             | default | services   | -          | -",
        "serving.knative.dev | namespaces/default/services/hello       | default | services   | hello      | -",
        "serving.knative.dev | namespaces/default/services/hello/status| default | services   | hello      | status",
        "serving.knative.dev | services                                | -       | services   | -          | -",
        "''                  | namespaces                              | -       | namespaces | -          | -",
        "''                  | namespaces/default                      | -       | namespaces | default    | -",
        "''                  | namespaces/default/status               | -       | namespaces | default    | status",
        "''                  | namespaces/default/configmaps           | default | configmaps | -          | -",
        "''                  | namespaces/default/configmaps/settings  | default | configmaps | settings   | -",
    })
    void parses(String group, String rest, String namespace, String plural, String name, String subresource) {
        List<String> segments = Arrays.asList(rest.split("/"));
        ResourcePath path = ResourcePath.parse(group, "v1", segments).orElseThrow();
        assertThat(path.namespace()).isEqualTo(Optional.ofNullable(namespace));
        assertThat(path.plural()).isEqualTo(plural);
        assertThat(path.name()).isEqualTo(Optional.ofNullable(name));
        assertThat(path.subresource()).isEqualTo(Optional.ofNullable(subresource));
    }

    @ParameterizedTest
    @CsvSource({"namespaces/default/services/hello/status/extra", "a/b/c/d"})
    void refusesPathsThatAreTooLong(String rest) {
        assertThat(ResourcePath.parse("serving.knative.dev", "v1", Arrays.asList(rest.split("/")))).isEmpty();
    }
}
