package dev.kumo.cli.output;

/** The output formats of {@code -o}, as kubectl and kn spell them. */
public enum OutputFormat {
    json("json"),
    yaml("yaml"),
    name("name"),
    url("url"),
    wide("wide"),
    jsonpath("jsonpath"),
    customColumns("custom-columns");

    private final String spelling;

    OutputFormat(String spelling) {
        this.spelling = spelling;
    }

    /** How {@code -o} spells it. */
    public String spelling() {
        return spelling;
    }

    /** Whether the format takes {@code =ARGUMENT}. */
    public boolean takesArgument() {
        return this == jsonpath || this == customColumns;
    }
}
