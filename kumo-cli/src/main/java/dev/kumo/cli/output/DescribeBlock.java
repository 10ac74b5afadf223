package dev.kumo.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a kn-style {@code describe}: aligned {@code Label:  value} attributes, then titled sections of
 * indented lines, separated by blank lines.
 */
public final class DescribeBlock {

    private final List<String[]> attributes = new ArrayList<>();
    private final StringBuilder sections = new StringBuilder();

    /** Adds an attribute; an empty value is left out, as kn does. */
    public DescribeBlock attribute(String label, String value) {
        if (value != null && !value.isEmpty()) {
            attributes.add(new String[] {label, value});
        }
        return this;
    }

    /** Adds a titled section; each line is indented by two spaces. Sections without lines are left out. */
    public DescribeBlock section(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return this;
        }
        sections.append('\n').append(title).append(":\n");
        lines.forEach(line -> sections.append("  ").append(line).append('\n'));
        return this;
    }

    public String render() {
        int width = attributes.stream().mapToInt(a -> a[0].length()).max().orElse(0) + 3;
        StringBuilder out = new StringBuilder();
        for (String[] attribute : attributes) {
            out.append(attribute[0]).append(':').append(" ".repeat(width - attribute[0].length() - 1))
                    .append(attribute[1]).append('\n');
        }
        return out.append(sections).toString();
    }
}
