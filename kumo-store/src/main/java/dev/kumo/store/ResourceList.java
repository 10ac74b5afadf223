package dev.kumo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A consistent snapshot of objects and the resourceVersion it was taken at (to watch from). */
public record ResourceList(List<ObjectNode> items, long resourceVersion) {

    public ResourceList {
        items = List.copyOf(items);
    }
}
