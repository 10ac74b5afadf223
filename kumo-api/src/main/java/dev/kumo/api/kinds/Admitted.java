package dev.kumo.api.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An object that passed admission, with defaults applied, and the warnings to send back with it. */
public record Admitted(ObjectNode object, List<String> warnings) {

    public Admitted {
        warnings = List.copyOf(warnings);
    }
}
