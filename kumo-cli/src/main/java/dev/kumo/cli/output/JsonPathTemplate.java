package dev.kumo.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.printing.JsonPath;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl's {@code -o jsonpath=TEMPLATE}: text printed as is, {@code {expression}}s (JSONPath from the current
 * object, {@code @} the current object), {@code {"quoted text"}} with {@code \n}/{@code \t} escapes, and
 * {@code {range EXPR}…{end}} repeating its body for each node selected, that node current. An expression's nodes
 * are joined by spaces; strings print bare, objects and arrays as JSON; a key that is not there prints nothing, as
 * kubectl's {@code --allow-missing-template-keys} (its default) does.
 */
public final class JsonPathTemplate {

    private sealed interface Part {
    }

    private record Text(String text) implements Part {
    }

    private record Expression(JsonPath path) implements Part {
    }

    private record Range(JsonPath path, List<Part> body) implements Part {
    }

    private final List<Part> parts;

    private JsonPathTemplate(List<Part> parts) {
        this.parts = parts;
    }

    /** Parses a template; a malformed one is refused naming what is wrong. */
    public static JsonPathTemplate parse(String template) {
        List<List<Part>> open = new ArrayList<>();
        List<JsonPath> ranges = new ArrayList<>();
        List<Part> current = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int brace = template.indexOf('{', i);
            if (brace < 0) {
                current.add(new Text(template.substring(i)));
                break;
            }
            if (brace > i) {
                current.add(new Text(template.substring(i, brace)));
            }
            int close = closing(template, brace);
            String inside = template.substring(brace + 1, close).trim();
            if (inside.startsWith("range ")) {
                open.add(current);
                ranges.add(JsonPath.parse(inside.substring("range ".length()).trim()));
                current = new ArrayList<>();
            } else if (inside.equals("end")) {
                if (open.isEmpty()) {
                    throw new IllegalArgumentException("jsonpath template " + template + ": {end} without {range}");
                }
                Range range = new Range(ranges.removeLast(), List.copyOf(current));
                current = open.removeLast();
                current.add(range);
            } else if (inside.length() >= 2 && (inside.startsWith("\"") || inside.startsWith("'"))
                    && inside.endsWith(inside.substring(0, 1))) {
                current.add(new Text(unescape(inside.substring(1, inside.length() - 1))));
            } else {
                current.add(new Expression(JsonPath.parse(inside.isEmpty() ? "@" : inside)));
            }
            i = close + 1;
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("jsonpath template " + template + ": {range} without {end}");
        }
        return new JsonPathTemplate(List.copyOf(current));
    }

    /** The template applied to {@code root}. */
    public String apply(JsonNode root) {
        StringBuilder out = new StringBuilder();
        write(parts, root, out);
        return out.toString();
    }

    private static void write(List<Part> parts, JsonNode node, StringBuilder out) {
        for (Part part : parts) {
            switch (part) {
                case Text text -> out.append(text.text());
                case Expression expression -> {
                    List<String> values = expression.path().select(node).stream().map(JsonPathTemplate::text)
                            .toList();
                    out.append(String.join(" ", values));
                }
                case Range range -> range.path().select(node).forEach(each -> write(range.body(), each, out));
            }
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static int closing(String template, int open) {
        char quote = 0;
        for (int i = open + 1; i < template.length(); i++) {
            char c = template.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        throw new IllegalArgumentException("jsonpath template " + template + ": unclosed '{' at " + open);
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r").replace("\\\"", "\"")
                .replace("\\\\", "\\");
    }
}
