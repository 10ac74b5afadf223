package dev.kumo.api.kinds;

import dev.kumo.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The registry of kinds the API server serves, looked up by group and plural (or short name). */
public final class Kinds {

    private final List<KindDefinition> definitions;

    public Kinds(List<KindDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public List<KindDefinition> all() {
        return definitions;
    }

    public List<ResourceType> types() {
        return definitions.stream().map(KindDefinition::type).toList();
    }

    /** The kind served at {@code /apis/group/version/plural} (group empty for the core group). */
    public Optional<KindDefinition> find(String group, String version, String plural) {
        return definitions.stream()
                .filter(d -> d.type().group().equals(group) && d.type().version().equals(version)
                        && d.type().plural().equals(plural))
                .findFirst();
    }

    /** The kind a user names on the command line: plural, singular, kind or short name, any case. */
    public Optional<KindDefinition> resolve(String name) {
        String wanted = name.toLowerCase();
        return definitions.stream().filter(d -> {
            ResourceType t = d.type();
            List<String> names = new ArrayList<>(t.shortNames());
            names.add(t.plural());
            names.add(t.singular());
            names.add(t.kind().toLowerCase());
            names.add(t.plural() + "." + t.group());
            return names.contains(wanted);
        }).findFirst();
    }
}
