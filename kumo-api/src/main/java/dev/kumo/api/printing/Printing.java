package dev.kumo.api.printing;

import java.util.ArrayList;
import java.util.List;

/**
 * A kind's printer columns for the two tables Kumo serves: kubectl's ({@link TableProfile#KUBECTL}, the columns a
 * CRD's {@code additionalPrinterColumns} would list) and kn's list columns ({@link TableProfile#KN}, which the
 * kumo CLI asks for, ages sent as timestamps it renders at its own clock). Each list starts with the NAME column.
 */
public record Printing(List<PrinterColumn> kubectl, List<PrinterColumn> kn) {

    private static final String READY_CONDITION = ".status.conditions[?(@.type==\"Ready\")]";

    public Printing {
        kubectl = List.copyOf(kubectl);
        kn = List.copyOf(kn);
    }

    /** NAME and AGE in both tables: what a kind without columns of its own shows. */
    public static final Printing NAME_AND_AGE = new Printing(List.of(PrinterColumn.name("Name"),
            PrinterColumn.age("Age")), List.of(PrinterColumn.name("NAME"), PrinterColumn.created("AGE")));

    /** The columns of one table. */
    public List<PrinterColumn> columns(TableProfile profile) {
        return profile == TableProfile.KN ? kn : kubectl;
    }

    /** NAME, then {@code middle}, then these trailing columns. */
    public static List<PrinterColumn> named(String name, List<PrinterColumn> middle, List<PrinterColumn> trailing) {
        List<PrinterColumn> columns = new ArrayList<>(List.of(PrinterColumn.name(name)));
        columns.addAll(middle);
        columns.addAll(trailing);
        return columns;
    }

    /** Knative's READY and REASON columns: the Ready condition's status and reason. */
    public static List<PrinterColumn> readiness() {
        return List.of(PrinterColumn.value("Ready", READY_CONDITION + ".status"),
                PrinterColumn.value("Reason", READY_CONDITION + ".reason"));
    }

    /** Knative's READY and REASON columns, then {@code more}. */
    public static List<PrinterColumn> readinessThen(PrinterColumn... more) {
        List<PrinterColumn> columns = new ArrayList<>(readiness());
        columns.addAll(List.of(more));
        return columns;
    }

    /** kn's READY: the Ready condition's status, {@code <unknown>} without one. */
    public static PrinterColumn knReady() {
        return PrinterColumn.rendered("READY", READY_CONDITION, Cell.READY);
    }

    /** kn's AGE CONDITIONS READY REASON tail of every list. */
    public static List<PrinterColumn> knStatus() {
        return List.of(PrinterColumn.created("AGE"), PrinterColumn.rendered("CONDITIONS", ".status.conditions",
                Cell.CONDITIONS), knReady(), PrinterColumn.rendered("REASON", READY_CONDITION, Cell.REASON));
    }
}
