package dev.kumo.api.meta;

import dev.kumo.api.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector in its string form: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a in (x,y)},
 * {@code a notin (x)}, {@code a}, {@code !a}, joined by commas; every requirement must hold.
 */
public record LabelSelector(List<Requirement> requirements) {

    /** One requirement on one label key. */
    public record Requirement(String key, Operator operator, Set<String> values) {

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case EXISTS -> value != null;
                case NOT_EXISTS -> value == null;
                case IN -> value != null && values.contains(value);
                case NOT_IN -> value == null || !values.contains(value);
            };
        }
    }

    /** How a requirement compares a label's value. */
    public enum Operator { IN, NOT_IN, EXISTS, NOT_EXISTS }

    public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    public LabelSelector {
        requirements = List.copyOf(requirements);
    }

    /** Parses the query-string form; a malformed selector is a 400 that quotes it. */
    public static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String term : splitTerms(text)) {
            requirements.add(parseTerm(term.trim(), text));
        }
        return new LabelSelector(requirements);
    }

    public boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    public boolean isEverything() {
        return requirements.isEmpty();
    }

    private static List<String> splitTerms(String text) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(text.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(text.substring(start));
        return terms;
    }

    private static Requirement parseTerm(String term, String whole) {
        if (term.isEmpty()) {
            throw invalid(whole, "empty requirement");
        }
        if (term.startsWith("!")) {
            return new Requirement(key(term.substring(1), whole), Operator.NOT_EXISTS, Set.of());
        }
        String[] words = term.split("\\s+", 3);
        if (words.length == 3 && (words[1].equals("in") || words[1].equals("notin"))) {
            String list = words[2].trim();
            if (!list.startsWith("(") || !list.endsWith(")")) {
                throw invalid(whole, "values of '" + words[1] + "' must be in parentheses");
            }
            Set<String> values = Set.of(list.substring(1, list.length() - 1).trim().split("\\s*,\\s*"));
            return new Requirement(key(words[0], whole), words[1].equals("in") ? Operator.IN : Operator.NOT_IN, values);
        }
        int notEquals = term.indexOf("!=");
        if (notEquals > 0) {
            return new Requirement(key(term.substring(0, notEquals), whole), Operator.NOT_IN,
                    Set.of(term.substring(notEquals + 2).trim()));
        }
        int equals = term.indexOf('=');
        if (equals > 0) {
            String value = term.substring(term.startsWith("==", equals) ? equals + 2 : equals + 1).trim();
            return new Requirement(key(term.substring(0, equals), whole), Operator.IN, Set.of(value));
        }
        return new Requirement(key(term, whole), Operator.EXISTS, Set.of());
    }

    private static String key(String key, String whole) {
        String trimmed = key.trim();
        if (trimmed.isEmpty() || !trimmed.matches("[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?")) {
            throw invalid(whole, "'" + trimmed + "' is not a valid label key");
        }
        return trimmed;
    }

    private static ApiException invalid(String whole, String why) {
        return ApiException.badRequest("unable to parse requirement in labelSelector \"" + whole + "\": " + why);
    }
}
