package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** kn's {@code KEY=value} (set) and {@code KEY-} (remove) edits, applied to a map such as labels or annotations. */
public final class KeyValueEdits {

    private KeyValueEdits() {
    }

    /** Applies the edits in order to {@code map}; {@code flag} names the flag in errors. */
    public static void apply(ObjectNode map, List<String> edits, String flag) {
        for (String edit : edits) {
            Edit parsed = parse(edit, flag);
            if (parsed.remove()) {
                map.remove(parsed.key());
            } else {
                map.put(parsed.key(), parsed.value());
            }
        }
    }

    /** One edit: set {@code key} to {@code value}, or remove {@code key}. */
    record Edit(String key, String value, boolean remove) {
    }

    static Edit parse(String edit, String flag) {
        int equals = edit.indexOf('=');
        if (equals > 0) {
            return new Edit(edit.substring(0, equals), edit.substring(equals + 1), false);
        }
        if (equals < 0 && edit.length() > 1 && edit.endsWith("-")) {
            return new Edit(edit.substring(0, edit.length() - 1), "", true);
        }
        throw new InvalidFlag("invalid " + flag + " '" + edit + "': want KEY=value, or KEY- to remove it");
    }
}
