package dev.kumo.common.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A YAML settings file read into a record whose components name its keys ({@code @JsonProperty} for kebab-case
 * ones): the CLI's {@code config.yaml} and the server's {@code --config FILE}. An unknown key is refused, naming it
 * and the keys there are.
 */
public final class YamlConfigFile {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private YamlConfigFile() {
    }

    /** The settings in {@code file}; empty when it is blank. */
    public static <T extends Record> Optional<T> read(Path file, Class<T> type) {
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(MAPPER.readValue(text, type));
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigFileException(file + ": unknown key \"" + e.getPropertyName() + "\"; known keys: "
                    + keys(type));
        } catch (IOException e) {
            throw new ConfigFileException("reading config file " + file + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** The keys of {@code type}, in the order its components are declared. */
    static String keys(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> {
                    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                    return property == null || property.value().isEmpty() ? component.getName() : property.value();
                })
                .collect(Collectors.joining(", "));
    }
}
