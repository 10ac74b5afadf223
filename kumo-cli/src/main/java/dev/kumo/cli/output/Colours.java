package dev.kumo.cli.output;

/** ANSI colours for the few words the CLI highlights, switched off when not on a terminal or with NO_COLOR. */
public record Colours(boolean enabled) {

    public String red(String text) {
        return wrap("31", text);
    }

    public String yellow(String text) {
        return wrap("33", text);
    }

    private String wrap(String code, String text) {
        return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
