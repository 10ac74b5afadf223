package dev.kumo.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import org.junit.jupiter.api.Test;

/** kubectl's JSONPath templates, on the examples of kubectl's JSONPath support page. */
class JsonPathTemplateTest {

    private static final JsonNode LIST = Json.parseObject("""
            {"kind": "List", "items": [
              {"kind": "None", "metadata": {"name": "127.0.0.1", "labels": {"kubernetes.io/hostname": "127.0.0.1"}},
               "status": {"capacity": {"cpu": "4"}, "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.1"}]}},
              {"kind": "None", "metadata": {"name": "127.0.0.2"},
               "status": {"capacity": {"cpu": "8"}, "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.2"},
                 {"type": "another", "address": "127.0.0.3"}]}}],
             "users": [{"name": "myself", "user": {}}, {"name": "e2e", "user": {"username": "admin", "password": "secret"}}]}
            """);

    private static String apply(String template) {
        return JsonPathTemplate.parse(template).apply(LIST);
    }

    @Test
    void fieldsWildcardsAndRecursiveDescent() {
        assertThat(apply("{.kind}")).isEqualTo("List");
        assertThat(apply("{['kind']}")).isEqualTo("List");
        assertThat(apply("{.items[*].metadata.name}")).isEqualTo("127.0.0.1 127.0.0.2");
        assertThat(apply("{..name}")).isEqualTo("127.0.0.1 127.0.0.2 myself e2e");
        assertThat(apply("{.users[*].name}")).isEqualTo("myself e2e");
        assertThat(apply("{.items[0].status.capacity.*}")).isEqualTo("4");
        assertThat(apply("{.users[0].user}")).isEqualTo("{}");
    }

    @Test
    void subscriptsSlicesFiltersAndUnions() {
        assertThat(apply("{.users[-1].name}")).isEqualTo("e2e");
        assertThat(apply("{.users[0:1].name}")).isEqualTo("myself");
        assertThat(apply("{.users[?(@.name==\"e2e\")].user.password}")).isEqualTo("secret");
        assertThat(apply("{.users[?(@.name!=\"e2e\")].name}")).isEqualTo("myself");
        assertThat(apply("{.items[1].status.addresses[*]['type','address']}"))
                .isEqualTo("LegacyHostIP 127.0.0.2 another 127.0.0.3");
    }

    @Test
    void rangesTextAndQuotedEscapes() {
        assertThat(apply("{range .items[*]}[{.metadata.name}, {.status.capacity.cpu}] {end}"))
                .isEqualTo("[127.0.0.1, 4] [127.0.0.2, 8] ");
        assertThat(apply("{range .items[*]}{.metadata.name}{\"\\t\"}{range .status.addresses[*]}{@.type},{end}"
                + "{'\\n'}{end}")).isEqualTo("127.0.0.1\tLegacyHostIP,\n127.0.0.2\tLegacyHostIP,another,\n");
        assertThat(apply("name: {.items[0].metadata.labels.kubernetes\\.io/hostname}missing:{.nothing}"))
                .startsWith("name: ").endsWith("missing:");
    }

    @Test
    void malformedTemplatesAreRefusedNamingWhy() {
        assertThatThrownBy(() -> JsonPathTemplate.parse("{.items")).hasMessageContaining("unclosed '{'");
        assertThatThrownBy(() -> JsonPathTemplate.parse("{end}")).hasMessageContaining("{end} without {range}");
        assertThatThrownBy(() -> JsonPathTemplate.parse("{range .items[*]}x"))
                .hasMessageContaining("{range} without {end}");
    }

    @Test
    void customColumnsOfAListAndOfAnObject() {
        assertThat(CustomColumns.parse("NAME:.metadata.name,CPU:.status.capacity.cpu,HOST:.nothing").table(LIST)
                .render(true)).isEqualTo("""
                NAME        CPU   HOST
                127.0.0.1   4     <none>
                127.0.0.2   8     <none>
                """);
        assertThatThrownBy(() -> CustomColumns.parse("NAME")).hasMessageContaining("\"NAME\" is not HEADER:JSONPATH");
    }
}
