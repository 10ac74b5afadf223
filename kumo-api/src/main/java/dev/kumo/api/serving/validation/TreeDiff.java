package dev.kumo.api.serving.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The field paths at which two values differ once encoded, for immutability errors that say what changed. */
final class TreeDiff {

    private static final int MAX_PATHS = 5;

    private TreeDiff() {
    }

    /** The first few paths (relative to {@code prefix}) at which {@code before} and {@code after} differ. */
    static List<String> changedPaths(Object before, Object after, String prefix) {
        List<String> paths = new ArrayList<>();
        walk(Json.mapper().valueToTree(before), Json.mapper().valueToTree(after), prefix, paths);
        return paths.size() > MAX_PATHS ? paths.subList(0, MAX_PATHS) : paths;
    }

    private static void walk(JsonNode before, JsonNode after, String path, List<String> paths) {
        if (before != null && before.equals(after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            for (Iterator<String> it = after.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.forEach(n -> walk(before.get(n), after.get(n), path.isEmpty() ? n : path + "." + n, paths));
        } else if (before != null && after != null && before.isArray() && after.isArray()
                && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                walk(before.get(i), after.get(i), path + "[" + i + "]", paths);
            }
        } else {
            paths.add(path);
        }
    }
}
