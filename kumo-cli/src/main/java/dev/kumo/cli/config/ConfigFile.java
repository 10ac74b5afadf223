package dev.kumo.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kumo.cli.base.CliException;
import dev.kumo.common.config.ConfigFileException;
import dev.kumo.common.config.YamlConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CLI's optional settings file, {@code $XDG_CONFIG_HOME/kumo/config.yaml}: {@code server:}, {@code token:} and
 * {@code certificate-authority:} (a PEM file; a relative path is relative to the config file).
 */
record ConfigFile(String server, String token,
        @JsonProperty("certificate-authority") String certificateAuthority) {

    static final ConfigFile EMPTY = new ConfigFile(null, null, null);

    /** Reads the file if it exists; an unknown key or malformed YAML is an error naming the file. */
    static ConfigFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            return YamlConfigFile.read(file, ConfigFile.class).orElse(EMPTY);
        } catch (ConfigFileException e) {
            throw new CliException(e.getMessage());
        }
    }

    Optional<String> serverValue() {
        return Optional.ofNullable(server).filter(s -> !s.isBlank());
    }

    Optional<String> tokenValue() {
        return Optional.ofNullable(token).filter(s -> !s.isBlank());
    }

    Optional<String> certificateAuthorityValue() {
        return Optional.ofNullable(certificateAuthority).filter(s -> !s.isBlank());
    }
}
