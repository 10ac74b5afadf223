package dev.kumo.api.printing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One column of a kind's table, as a CRD's {@code additionalPrinterColumns} entry declares it: a name, a type, an
 * OpenAPI format hint, the JSONPath of the value and a priority (0 is shown by default, more only with
 * {@code -o wide}). The cell is the first value the path selects, as text; a column whose cell is not a plain value
 * names its {@link Cell} rendering of what the path selects (an age for {@code type: date}, a count, …).
 */
public record PrinterColumn(String name, String type, String format, String jsonPath, int priority, Cell cell) {

    public PrinterColumn {
        JsonPath.parse(jsonPath);
    }

    /** The object's name, with the {@code name} format kubectl keys on. */
    public static PrinterColumn name(String name) {
        return new PrinterColumn(name, "string", "name", ".metadata.name", 0, Cell.VALUE);
    }

    /** A column showing the value at {@code jsonPath}. */
    public static PrinterColumn value(String name, String jsonPath) {
        return new PrinterColumn(name, "string", "", jsonPath, 0, Cell.VALUE);
    }

    /** The object's age rendered on the server, at its clock (kubectl's AGE, sent as text). */
    public static PrinterColumn age(String name) {
        return new PrinterColumn(name, "date", "", ".metadata.creationTimestamp", 0, Cell.AGE);
    }

    /** A {@code type: date} column sent as the creation timestamp, for the client to render as an age. */
    public static PrinterColumn created(String name) {
        return new PrinterColumn(name, "date", "", ".metadata.creationTimestamp", 0, Cell.VALUE);
    }

    /** The type a Table declares for this column: {@code date} for a timestamp sent as is, else {@code string}. */
    public String tableType() {
        return type.equals("date") && cell == Cell.VALUE ? "date" : "string";
    }

    /** A column showing what the path selects through {@code cell}. */
    public static PrinterColumn rendered(String name, String jsonPath, Cell cell) {
        return new PrinterColumn(name, "string", "", jsonPath, 0, cell);
    }

    /** This column shown only with {@code -o wide}. */
    public PrinterColumn wide() {
        return new PrinterColumn(name, type, format, jsonPath, 1, cell);
    }

    /** The cell of this column for {@code object} at {@code now}. */
    public String cell(JsonNode object, Instant now) {
        return cell.render(JsonPath.parse(jsonPath).select(object), now);
    }
}
