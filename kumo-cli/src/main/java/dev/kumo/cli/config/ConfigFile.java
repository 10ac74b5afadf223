package dev.kumo.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kumo.cli.CliException;
import java.io.IOException;
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
            String text = Files.readString(file);
            if (text.isBlank()) {
                return EMPTY;
            }
            return YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(text, ConfigFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new CliException(file + ": unknown key \"" + e.getPropertyName() + "\"; known keys: server, token, "
                    + "certificate-authority");
        } catch (IOException e) {
            throw new CliException("reading " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
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
