package dev.kumo.cli.eventing;

import java.util.List;

/** A row of an update table: the flags given, and the spec they must leave (the created one with one change). */
record UpdateRow(String name, List<String> flags, String spec) {

    @Override
    public String toString() {
        return name;
    }
}
