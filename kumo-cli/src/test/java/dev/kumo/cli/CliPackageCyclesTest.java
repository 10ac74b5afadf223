package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.common.testing.PackageCycles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CLI's packages depend one way: base, then session, then the command packages, then the root command. */
class CliPackageCyclesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void theCliHasNoPackageCycle() {
        assertThat(PackageCycles.graph(SOURCES)).containsKeys("dev.kumo.cli", "dev.kumo.cli.session",
                "dev.kumo.cli.base", "dev.kumo.cli.service");
        assertThat(PackageCycles.in(SOURCES)).isEmpty();
    }

    @Test
    void baseAndSessionUseNoCommandPackage() {
        Map<String, Set<String>> graph = PackageCycles.graph(SOURCES);
        assertThat(graph.get("dev.kumo.cli.base")).noneMatch(p -> p.startsWith("dev.kumo.cli"));
        assertThat(graph.get("dev.kumo.cli.session")).filteredOn(p -> p.startsWith("dev.kumo.cli"))
                .containsOnly("dev.kumo.cli.base", "dev.kumo.cli.client", "dev.kumo.cli.config",
                        "dev.kumo.cli.output");
    }
}
