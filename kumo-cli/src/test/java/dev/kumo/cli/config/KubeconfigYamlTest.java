package dev.kumo.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kumo.cli.base.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The usual kubeconfig read without Jackson's parser gives Jackson's tree; anything else is left to Jackson. */
class KubeconfigYamlTest {

    @ParameterizedTest
    @ValueSource(strings = {"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: kumo
              cluster:
                server: https://127.0.0.1:7780
                certificate-authority: /home/u/.local/share/kumo/tls/ca.crt
                insecure-skip-tls-verify: false
            users:
            - name: kumo
              user: {token: 2d2e0d740b0324dfb0296c93c53bee4873c0abac8337ef40d02873f78e460086, tokenFile: 'x y'}
            - name: other
              user: {token: "abc:def", version: 1.2.3, date: 2001-12-14, dash: -, v: v1}
            contexts:
            - name: kumo
              context: {cluster: kumo, user: kumo, namespace: default}
            current-context: kumo
            preferences: {}
            extensions: []
            empty:
            tilde: ~
            folded: >
              one
              two
            literal: |
              a: b
            """, "---\n---\nclusters:\n- cluster:\n    certificate-authority-data: !!binary |\n      TUlJQg==\n"
            + "  name: c\ncurrent-context: c\nv: True\nw: NULL\n"})
    void theUsualShapeIsJacksonsTree(String text) throws Exception {
        assertThat(KubeconfigYaml.read(text)).contains(jackson(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"port: 6443\n", "ratio: .5\n", "neg: -1\n", "hex: 0x1F\n", "exp: 1e5\n",
        "grouped: 1_000\n", "inf: .inf\n", "base60: 1:30\n", "yes: yes\n", "a: &x {b: c}\nd: *x\n", "a: !!str b\n",
        "a: !custom b\n", "- a\n- b\n", "just text\n", "", "a: [unclosed\n", "? [complex]\n: key\n",
        "a: !!binary 'QU*JD'\n"})
    void otherShapesAreLeftToJackson(String text) {
        assertThat(KubeconfigYaml.read(text)).isEmpty();
    }

    /** Nesting deeper than a kubeconfig's goes to Jackson's parser, whose limit names it (a warning, no crash). */
    @Test
    void aDeeplyNestedFileIsLeftToJacksonsLimit(@TempDir Path dir) throws IOException {
        String text = "current-context: c\nextensions: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        Path file = Files.writeString(dir.resolve("config"), text);
        List<String> warnings = new ArrayList<>();

        assertThat(KubeconfigYaml.read(text)).isEmpty();
        assertThat(KubeconfigContext.read(file, warnings::add)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("nesting depth");
    }

    private static ObjectNode jackson(String text) throws Exception {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            while (first == JsonToken.VALUE_NULL || first == JsonToken.VALUE_STRING && parser.getText().isBlank()) {
                first = parser.nextToken();
            }
            return JsonTree.object(parser);
        }
    }
}
