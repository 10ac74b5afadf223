package dev.kumo.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigFileTest {

    record Settings(String server, @JsonProperty("data-dir") String dataDir, Integer retries) {
    }

    @TempDir
    Path temp;

    @Test
    void readsKebabCaseKeysIntoTheRecord() throws IOException {
        Path file = Files.writeString(temp.resolve("config.yaml"), "server: http://x\ndata-dir: /d\n");
        assertThat(YamlConfigFile.read(file, Settings.class)).contains(new Settings("http://x", "/d", null));
    }

    @Test
    void aBlankFileHasNoSettings() throws IOException {
        Path file = Files.writeString(temp.resolve("config.yaml"), "\n  \n");
        assertThat(YamlConfigFile.read(file, Settings.class)).isEmpty();
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheFileTheKeyAndTheKnownKeys() throws IOException {
        Path file = Files.writeString(temp.resolve("config.yaml"), "sever: http://typo\n");
        assertThatThrownBy(() -> YamlConfigFile.read(file, Settings.class))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage(file + ": unknown key \"sever\"; known keys: server, data-dir, retries");
    }

    @Test
    void aMissingOrMalformedFileIsRefusedNamingIt() throws IOException {
        Path missing = temp.resolve("missing.yaml");
        assertThatThrownBy(() -> YamlConfigFile.read(missing, Settings.class))
                .isInstanceOf(ConfigFileException.class).hasMessageStartingWith("reading config file " + missing);
        Path malformed = Files.writeString(temp.resolve("bad.yaml"), "retries: [1, 2\n");
        assertThatThrownBy(() -> YamlConfigFile.read(malformed, Settings.class))
                .isInstanceOf(ConfigFileException.class).hasMessageStartingWith("reading config file " + malformed);
    }
}
