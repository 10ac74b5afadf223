package dev.kumo.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kubelet's expansion cases (Kubernetes' third_party/forked/golang/expansion tests), on Kumo's function. */
class VariableReferencesTest {

    private static final Map<String, String> DECLARED = Map.of("VAR_A", "A", "VAR_B", "B", "VAR_C", "C",
            "VAR_REF", "$(VAR_A)", "VAR_EMPTY", "", "PORT", "8080");

    private static String expand(String input) {
        return VariableReferences.expand(input, DECLARED);
    }

    @Test
    void declaredReferencesAreReplacedAnywhereInAWord() {
        assertThat(expand("$(VAR_A)")).isEqualTo("A");
        assertThat(expand("___$(VAR_B)___")).isEqualTo("___B___");
        assertThat(expand("$(VAR_A)-$(VAR_A)")).isEqualTo("A-A");
        assertThat(expand("$(VAR_A)-1$(VAR_B)")).isEqualTo("A-1B");
        assertThat(expand("foo\\$(VAR_C)bar")).isEqualTo("foo\\Cbar");
        assertThat(expand("--port=$(PORT)")).isEqualTo("--port=8080");
        assertThat(expand("x$(VAR_EMPTY)y")).isEqualTo("xy");
    }

    @Test
    void aValueIsNotExpandedAgain() {
        assertThat(expand("$(VAR_REF)")).isEqualTo("$(VAR_A)");
    }

    @Test
    void escapedUndeclaredAndIncompleteReferencesStayAsWritten() {
        assertThat(expand("f000-$$VAR_A")).isEqualTo("f000-$VAR_A");
        assertThat(expand("$$(VAR_A)")).isEqualTo("$(VAR_A)");
        assertThat(expand("$$$$$$(BIG_MONEY)")).isEqualTo("$$$(BIG_MONEY)");
        assertThat(expand("$$$$$$$(VAR_A)")).isEqualTo("$$$A");
        assertThat(expand("$(VAR_DNE)")).isEqualTo("$(VAR_DNE)");
        assertThat(expand("$()")).isEqualTo("$()");
        assertThat(expand("$(VAR_A")).isEqualTo("$(VAR_A");
        assertThat(expand("$(VAR_A$(VAR_B)")).isEqualTo("$(VAR_A$(VAR_B)");
        assertThat(expand("$VAR_A")).isEqualTo("$VAR_A");
        assertThat(expand("$")).isEqualTo("$");
        assertThat(expand("foo$")).isEqualTo("foo$");
        assertThat(expand("no references")).isEqualTo("no references");
    }

    @Test
    void everyWordOfAListIsExpanded() {
        assertThat(VariableReferences.expand(List.of("httpd", "-p", "$(PORT)"), DECLARED))
                .containsExactly("httpd", "-p", "8080");
    }
}
