package dev.kumo.api.printing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of Kubernetes' JSONPath that printer columns and {@code -o jsonpath} use: fields ({@code .status.url}),
 * quoted keys ({@code .metadata.labels['serving.knative.dev/service']}), unions of keys ({@code ['data','binaryData']}),
 * indexes ({@code [0]}, {@code [-1]}), slices ({@code [1:3]}), wildcards ({@code [*]}, {@code .*}), recursive descent
 * ({@code ..name}) and equality filters ({@code [?(@.type=="Ready")]}, {@code !=}). A path that selects nothing
 * yields no nodes, as kubectl leaves such a cell empty.
 */
public final class JsonPath {

    private final String text;
    private final List<Step> steps;

    private sealed interface Step {
        List<JsonNode> apply(JsonNode node);
    }

    private record Keys(List<String> names) implements Step {
        public List<JsonNode> apply(JsonNode node) {
            List<JsonNode> out = new ArrayList<>();
            for (String name : names) {
                JsonNode child = node.get(name);
                if (child != null && !child.isNull()) {
                    out.add(child);
                }
            }
            return out;
        }
    }

    private record Index(int index) implements Step {
        public List<JsonNode> apply(JsonNode node) {
            JsonNode child = node.isArray() ? node.get(index < 0 ? node.size() + index : index) : null;
            return child == null || child.isNull() ? List.of() : List.of(child);
        }
    }

    /** {@code [start:end]}, either side left out, negative counting from the end, as Go's JSONPath. */
    private record Slice(Integer start, Integer end) implements Step {
        public List<JsonNode> apply(JsonNode node) {
            List<JsonNode> out = new ArrayList<>();
            if (!node.isArray()) {
                return out;
            }
            int from = bound(start, 0, node.size());
            int to = bound(end, node.size(), node.size());
            for (int i = from; i < to; i++) {
                out.add(node.get(i));
            }
            return out;
        }

        private static int bound(Integer value, int otherwise, int size) {
            int at = value == null ? otherwise : value < 0 ? size + value : value;
            return Math.max(0, Math.min(size, at));
        }
    }

    /** {@code ..}: the node and every node under it, in document order, for the next step to pick from. */
    private record Descendants() implements Step {
        public List<JsonNode> apply(JsonNode node) {
            List<JsonNode> out = new ArrayList<>();
            collect(node, out);
            return out;
        }

        private static void collect(JsonNode node, List<JsonNode> out) {
            if (node.isContainerNode()) {
                out.add(node);
                node.forEach(child -> collect(child, out));
            }
        }
    }

    private record All() implements Step {
        public List<JsonNode> apply(JsonNode node) {
            List<JsonNode> out = new ArrayList<>();
            node.forEach(out::add);
            return out;
        }
    }

    private record Filter(JsonPath field, String value, boolean equal) implements Step {
        public List<JsonNode> apply(JsonNode node) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode element : node) {
                boolean matches = field.select(element).stream()
                        .anyMatch(v -> v.isValueNode() && v.asText().equals(value));
                if (matches == equal) {
                    out.add(element);
                }
            }
            return out;
        }
    }

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
    }

    /** Parses a path such as {@code .status.conditions[?(@.type=="Ready")].status}. */
    public static JsonPath parse(String path) {
        String body = path.startsWith("{") && path.endsWith("}") ? path.substring(1, path.length() - 1) : path;
        List<Step> steps = new ArrayList<>();
        int i = body.startsWith("@") ? 1 : 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (body.startsWith("..", i)) {
                steps.add(new Descendants());
                i++;
            } else if (c == '.') {
                int end = i + 1;
                while (end < body.length() && body.charAt(end) != '.' && body.charAt(end) != '[') {
                    end++;
                }
                String name = body.substring(i + 1, end);
                if (name.equals("*")) {
                    steps.add(new All());
                } else if (!name.isEmpty()) {
                    steps.add(new Keys(List.of(name)));
                }
                i = end;
            } else if (c == '[') {
                int end = closing(body, i, path);
                steps.add(bracket(body.substring(i + 1, end).trim(), path));
                i = end + 1;
            } else {
                throw new IllegalArgumentException("JSONPath " + path + ": unexpected '" + c + "' at " + i);
            }
        }
        return new JsonPath(path, steps);
    }

    /** The nodes the path selects in {@code root}, in document order. */
    public List<JsonNode> select(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            current.forEach(node -> next.addAll(step.apply(node)));
            current = next;
        }
        return current;
    }

    @Override
    public String toString() {
        return text;
    }

    private static Step bracket(String inside, String path) {
        if (inside.equals("*")) {
            return new All();
        }
        if (inside.startsWith("?(") && inside.endsWith(")")) {
            String condition = inside.substring(2, inside.length() - 1);
            boolean equal = !condition.contains("!=");
            String[] sides = condition.split(equal ? "==" : "!=", 2);
            if (sides.length != 2 || !sides[0].trim().startsWith("@")) {
                throw new IllegalArgumentException("JSONPath " + path + ": only [?(@.field==\"value\")] and != "
                        + "filters");
            }
            return new Filter(parse(sides[0].trim()), unquote(sides[1].trim()), equal);
        }
        if (inside.startsWith("'") || inside.startsWith("\"")) {
            List<String> names = new ArrayList<>();
            for (String name : inside.split(",")) {
                names.add(unquote(name.trim()));
            }
            return new Keys(names);
        }
        try {
            if (inside.contains(":")) {
                String[] ends = inside.split(":", -1);
                return new Slice(number(ends[0]), number(ends[1]));
            }
            return new Index(Integer.parseInt(inside));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JSONPath " + path + ": cannot read [" + inside + "]", e);
        }
    }

    private static Integer number(String text) {
        return text.isBlank() ? null : Integer.valueOf(text.trim());
    }

    private static int closing(String body, int open, String path) {
        char quote = 0;
        for (int i = open + 1; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                return i;
            }
        }
        throw new IllegalArgumentException("JSONPath " + path + ": unclosed '['");
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                && value.charAt(value.length() - 1) == value.charAt(0);
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
