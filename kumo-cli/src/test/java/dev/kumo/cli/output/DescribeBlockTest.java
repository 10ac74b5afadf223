package dev.kumo.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeBlockTest {

    @Test
    void alignsAttributesAndLeavesOutEmptyOnes() {
        String text = new DescribeBlock().attribute("Name", "hello").attribute("Namespace", "default")
                .attribute("URL", "").section("Conditions", List.of("OK TYPE", "++ Ready"))
                .section("Empty", List.of()).render();
        assertThat(text).isEqualTo("""
                Name:       hello
                Namespace:  default

                Conditions:
                  OK TYPE
                  ++ Ready
                """);
    }
}
