package dev.kumo.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import org.junit.jupiter.api.Test;

class ObjectPrinterTest {

    private static final String LIST = """
            {"kind":"ServiceList","items":[{"metadata":{"name":"a","labels":{}}},{"metadata":{"name":"b"}}]}""";

    @Test
    void printsJsonIndentedLikeKubectl() {
        assertThat(ObjectPrinter.format(Json.parseObject("{\"kind\":\"Service\",\"metadata\":{\"name\":\"a\","
                + "\"labels\":{}},\"items\":[1]}"), OutputFormat.json, o -> "")).isEqualTo("""
                {
                    "kind": "Service",
                    "metadata": {
                        "name": "a",
                        "labels": {}
                    },
                    "items": [
                        1
                    ]
                }
                """);
    }

    @Test
    void printsYaml() {
        assertThat(ObjectPrinter.format(Json.parseObject("{\"kind\":\"Service\",\"metadata\":{\"name\":\"a\"}}"),
                OutputFormat.yaml, o -> "")).isEqualTo("""
                kind: Service
                metadata:
                  name: a
                """);
    }

    @Test
    void printsTheNameOfEveryItem() {
        assertThat(ObjectPrinter.format(Json.parseObject(LIST), OutputFormat.name,
                o -> "service.serving.knative.dev")).isEqualTo("""
                service.serving.knative.dev/a
                service.serving.knative.dev/b
                """);
    }
}
