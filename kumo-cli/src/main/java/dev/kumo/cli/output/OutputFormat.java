package dev.kumo.cli.output;

/** The machine-readable output formats of {@code -o}. */
public enum OutputFormat {
    json,
    yaml,
    name
}
