package dev.kumo.cli.func;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The two kinds of function: one answering HTTP requests, one answering CloudEvents. */
public enum Template {
    HTTP("http", "http"),
    CLOUDEVENTS("cloudevents", "cloudevent");

    private final String value;
    private final String invoke;

    Template(String value, String invoke) {
        this.value = value;
        this.invoke = invoke;
    }

    /** The name as {@code -t} and func.yaml's {@code template} spell it. */
    public String value() {
        return value;
    }

    /** knative func's {@code invoke} hint: {@code http} or {@code cloudevent}. */
    public String invoke() {
        return invoke;
    }

    /** The template spelled {@code value}. */
    public static Optional<Template> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }

    /** Every name, as spelled. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Template::value).toList();
    }
}
