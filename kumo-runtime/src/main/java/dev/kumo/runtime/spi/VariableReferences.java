package dev.kumo.runtime.spi;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes' {@code $(VAR)} references in a container's command and args, expanded as the kubelet does with the
 * container's declared variables (its env, then the platform's PORT and K_*): {@code $(NAME)} becomes the value of
 * a declared NAME and stays as written otherwise; {@code $$} is a literal {@code $}, so {@code $$(NAME)} stays
 * {@code $(NAME)}; a lone {@code $} or an unclosed {@code $(} is kept. No shell runs: {@code $NAME} is not expanded.
 */
public final class VariableReferences {

    private VariableReferences() {
    }

    /** Each word of {@code words} with its references to {@code declared} expanded. */
    public static List<String> expand(List<String> words, Map<String, String> declared) {
        return words.stream().map(word -> expand(word, declared)).toList();
    }

    /** {@code input} with its references to {@code declared} expanded. */
    public static String expand(String input, Map<String, String> declared) {
        int dollar = input.indexOf('$');
        if (dollar < 0 || dollar == input.length() - 1) {
            return input;
        }
        StringBuilder out = new StringBuilder(input.length()).append(input, 0, dollar);
        int cursor = dollar;
        while (cursor < input.length()) {
            char c = input.charAt(cursor);
            if (c != '$' || cursor + 1 == input.length()) {
                out.append(c);
                cursor++;
            } else if (input.charAt(cursor + 1) == '$') {
                out.append('$');
                cursor += 2;
            } else if (input.charAt(cursor + 1) == '(') {
                int close = input.indexOf(')', cursor + 2);
                if (close < 0) {
                    out.append("$(");
                    cursor += 2;
                } else {
                    String name = input.substring(cursor + 2, close);
                    String value = declared.get(name);
                    out.append(value != null ? value : "$(" + name + ")");
                    cursor = close + 1;
                }
            } else {
                out.append('$').append(input.charAt(cursor + 1));
                cursor += 2;
            }
        }
        return out.toString();
    }
}
