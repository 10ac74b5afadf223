package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code registries-skipping-tag-resolving}: Knative's comma-separated list (or a YAML list), Knative's default. */
class RegistrySettingsTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheKeyKnativesDefaultRegistriesAreSkipped() {
        assertThat(parse("--data-dir", dir.toString()).registriesSkippingTagResolving())
                .containsExactlyInAnyOrder("kind.local", "ko.local", "dev.local", "localhost");
    }

    @Test
    void theKeyTakesKnativesCommaSeparatedFormOrAList() throws Exception {
        Path commas = Files.writeString(dir.resolve("commas.yaml"),
                "registries-skipping-tag-resolving: \"dev.local, 127.0.0.1:5000\"\n");
        Path list = Files.writeString(dir.resolve("list.yaml"),
                "registries-skipping-tag-resolving: [dev.local, \"127.0.0.1:5000\"]\n");
        Path none = Files.writeString(dir.resolve("none.yaml"), "registries-skipping-tag-resolving: \"\"\n");

        assertThat(parse("--config", commas.toString(), "--data-dir", dir.toString())
                .registriesSkippingTagResolving()).isEqualTo(Set.of("dev.local", "127.0.0.1:5000"));
        assertThat(parse("--config", list.toString(), "--data-dir", dir.toString())
                .registriesSkippingTagResolving()).isEqualTo(Set.of("dev.local", "127.0.0.1:5000"));
        assertThat(parse("--config", none.toString(), "--data-dir", dir.toString())
                .registriesSkippingTagResolving()).isEmpty();
    }

    private static ServerConfig parse(String... args) {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }
}
