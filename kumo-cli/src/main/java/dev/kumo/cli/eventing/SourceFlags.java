package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.cli.service.KeyValueEdits;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags every source shares, as kn spells them: {@code --sink} and {@code --ce-override}. */
final class SourceFlags {

    @Mixin
    SinkFlag sink;

    @Option(names = "--ce-override", paramLabel = "KEY=VALUE",
            description = "A CloudEvents extension to add to every event; KEY- removes it (repeatable).")
    List<String> overrides = new ArrayList<>();

    /** Sets the sink and edits the overrides of {@code spec}; a new source must be given a sink. */
    void fill(ObjectNode spec, boolean creating) {
        sink.fill(spec, "sink", creating);
        if (overrides.isEmpty()) {
            return;
        }
        ObjectNode ceOverrides = spec.withObjectProperty("ceOverrides");
        KeyValueEdits.apply(ceOverrides.withObjectProperty("extensions"), overrides, "--ce-override");
        if (ceOverrides.path("extensions").isEmpty()) {
            spec.remove("ceOverrides");
        }
    }

    /** A source's CloudEvents overrides as describe lists them: {@code KEY: VALUE}. */
    static List<String> overrides(JsonNode spec) {
        List<String> lines = new ArrayList<>();
        spec.at("/ceOverrides/extensions").properties()
                .forEach(e -> lines.add(e.getKey() + ": " + e.getValue().asText()));
        return lines;
    }
}
