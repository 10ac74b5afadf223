package dev.kumo.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A kubectl-style table: upper-case headers, cells left-aligned, each column as wide as its widest cell plus three
 * spaces and at least six (kubectl's tabwriter settings); the last column is not padded.
 */
public final class Table {

    private static final int PADDING = 3;
    private static final int MIN_WIDTH = 6;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public Table(String... headers) {
        this(Arrays.asList(headers));
    }

    /** Adds a row; it must have one cell per header. */
    public Table row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size()
                    + " columns");
        }
        rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
        return this;
    }

    public Table row(String... cells) {
        return row(Arrays.asList(cells));
    }

    /** A copy with a first column, e.g. NAMESPACE for {@code -A}, whose cells come from the given list. */
    public Table withFirstColumn(String header, List<String> cells) {
        List<String> newHeaders = new ArrayList<>(List.of(header));
        newHeaders.addAll(headers);
        Table table = new Table(newHeaders);
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(List.of(cells.get(i)));
            row.addAll(rows.get(i));
            table.row(row);
        }
        return table;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table as text, one line per row, each ending with a newline; trailing blanks are trimmed. */
    public String render(boolean withHeaders) {
        List<List<String>> lines = new ArrayList<>();
        if (withHeaders) {
            lines.add(headers);
        }
        lines.addAll(rows);
        int[] widths = new int[headers.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], Math.max(MIN_WIDTH, line.get(i).length() + PADDING));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                text.append(cell);
                if (i < line.size() - 1) {
                    text.append(" ".repeat(widths[i] - cell.length()));
                }
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
