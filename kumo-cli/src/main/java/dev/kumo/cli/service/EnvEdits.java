package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The edits of {@code --env} and {@code --env-from} to a container: set, replace in place, or remove. */
public final class EnvEdits {

    private EnvEdits() {
    }

    /** {@code NAME=value} sets (keeping the variable's place), {@code NAME-} removes. */
    public static void env(ObjectNode container, List<String> edits) {
        for (String edit : edits) {
            KeyValueEdits.Edit parsed = KeyValueEdits.parse(edit, "--env");
            ArrayNode env = container.withArrayProperty("env");
            int index = indexOf(env, e -> parsed.key().equals(e.path("name").asText()));
            if (parsed.remove()) {
                if (index >= 0) {
                    env.remove(index);
                }
                continue;
            }
            ObjectNode variable = env.objectNode().put("name", parsed.key()).put("value", parsed.value());
            if (index >= 0) {
                env.set(index, variable);
            } else {
                env.add(variable);
            }
        }
        if (container.path("env").isEmpty()) {
            container.remove("env");
        }
    }

    /**
     * The {@code NAME=value} edits of an env file: one per line, blank lines and {@code #} comments skipped, a
     * line without {@code =} refused naming the file and line.
     */
    static List<String> fromFile(String file) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(file));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new InvalidFlag("invalid --env-file '" + file + "': cannot read it (" + e.getMessage() + ")");
        }
        List<String> edits = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.indexOf('=') <= 0) {
                throw new InvalidFlag("invalid --env-file '" + file + "' line " + (i + 1) + ": want NAME=value");
            }
            edits.add(line);
        }
        return edits;
    }

    /** {@code cm:NAME} or {@code secret:NAME} adds a source, a trailing {@code -} removes it. */
    static void envFrom(ObjectNode container, List<String> edits) {
        for (String edit : edits) {
            boolean remove = edit.endsWith("-");
            String source = remove ? edit.substring(0, edit.length() - 1) : edit;
            int colon = source.indexOf(':');
            String kind = colon < 0 ? "" : source.substring(0, colon);
            String name = source.substring(colon + 1);
            String field = switch (kind) {
                case "cm", "config-map", "configmap" -> "configMapRef";
                case "secret", "sc" -> "secretRef";
                default -> throw new InvalidFlag("invalid --env-from '" + edit + "': want cm:NAME or secret:NAME");
            };
            if (name.isEmpty()) {
                throw new InvalidFlag("invalid --env-from '" + edit + "': the name is missing");
            }
            ArrayNode sources = container.withArrayProperty("envFrom");
            int index = indexOf(sources, s -> name.equals(s.path(field).path("name").asText(null)));
            if (remove && index >= 0) {
                sources.remove(index);
            } else if (!remove && index < 0) {
                sources.addObject().putObject(field).put("name", name);
            }
        }
        if (container.path("envFrom").isEmpty()) {
            container.remove("envFrom");
        }
    }

    private static int indexOf(ArrayNode array, java.util.function.Predicate<JsonNode> match) {
        for (int i = 0; i < array.size(); i++) {
            if (match.test(array.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
