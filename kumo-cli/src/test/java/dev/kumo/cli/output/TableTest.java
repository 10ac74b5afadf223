package dev.kumo.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableTest {

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of("columns are as wide as the widest cell plus three spaces",
                        new Table("NAME", "URL", "AGE").row("hello", "http://hello.default.example.com", "5m"),
                        true, """
                        NAME    URL                                AGE
                        hello   http://hello.default.example.com   5m
                        """),
                Arguments.of("columns are at least six wide, like kubectl's tabwriter",
                        new Table("OK", "TYPE").row("++", "Ready"), true, """
                        OK    TYPE
                        ++    Ready
                        """),
                Arguments.of("empty trailing cells leave no trailing blanks",
                        new Table("NAME", "READY", "REASON").row("hello", "True", ""), true, """
                        NAME    READY   REASON
                        hello   True
                        """),
                Arguments.of("without headers, widths come from the rows",
                        new Table("NAME", "AGE").row("a", "5m").row("bb", "3h"), false, """
                        a     5m
                        bb    3h
                        """),
                Arguments.of("a header wider than the cells sets the width",
                        new Table("CONDITIONS", "READY").row("3 OK / 3", "True"), true, """
                        CONDITIONS   READY
                        3 OK / 3     True
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void renders(String description, Table table, boolean headers, String expected) {
        assertThat(table.render(headers)).isEqualTo(expected);
    }

    @Test
    void addsANamespaceColumnFirst() {
        Table table = new Table("NAME", "AGE").row("hello", "5m").row("bye", "2d")
                .withFirstColumn("NAMESPACE", List.of("default", "team-a"));
        assertThat(table.render(true)).isEqualTo("""
                NAMESPACE   NAME    AGE
                default     hello   5m
                team-a      bye     2d
                """);
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table("NAME", "AGE").row("hello"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells");
    }
}
