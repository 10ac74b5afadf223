package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.cli.service.KeyValueEdits;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags every source shares, as kn spells them: {@code --sink} and {@code --ce-override}. */
final class SourceFlags {

    @Option(names = {"-s", "--sink"}, paramLabel = "SINK",
            description = "Where events go: ksvc:NAME[:NAMESPACE], broker:NAME, channel:NAME or a URL "
                    + "(required on create).")
    String sink;

    @Option(names = "--ce-override", paramLabel = "KEY=VALUE",
            description = "A CloudEvents extension to add to every event; KEY- removes it (repeatable).")
    List<String> overrides = new ArrayList<>();

    /** Sets the sink and edits the overrides of {@code spec}; a new source must be given a sink. */
    void fill(ObjectNode spec, boolean creating) {
        if (sink != null) {
            spec.set("sink", Sink.parse(sink, "--sink"));
        } else if (creating) {
            throw new BadFlag("missing --sink: say where events go, as ksvc:NAME[:NAMESPACE], broker:NAME, "
                    + "channel:NAME or an http(s):// URL");
        }
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
