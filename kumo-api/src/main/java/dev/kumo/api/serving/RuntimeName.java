package dev.kumo.api.serving;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The runtimes Kumo knows by name, as the annotation {@code kumo.dev/runtime} and the server's {@code runtimes} and
 * {@code default-runtime} settings spell them: {@code process} runs a container's command as a host process,
 * {@code container} runs its image.
 */
public enum RuntimeName {
    PROCESS("process"),
    CONTAINER("container");

    /** The Revision (template) annotation that forces one runtime, whatever the container declares. */
    public static final String ANNOTATION = "kumo.dev/runtime";

    private final String value;

    RuntimeName(String value) {
        this.value = value;
    }

    /** The name as written in annotations and settings. */
    public String value() {
        return value;
    }

    /** The runtime spelled {@code value}, or empty for a name Kumo does not know. */
    public static Optional<RuntimeName> parse(String value) {
        return Arrays.stream(values()).filter(name -> name.value.equals(value)).findFirst();
    }

    /** Every name, as written: {@code process, container}. */
    public static List<String> allowed() {
        return Arrays.stream(values()).map(RuntimeName::value).toList();
    }

    @Override
    public String toString() {
        return value;
    }
}
