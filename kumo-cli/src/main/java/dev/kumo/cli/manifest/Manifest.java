package dev.kumo.cli.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object read from a manifest.
 *
 * @param source where it was read from: a path, or {@code <stdin>}
 * @param index its position among the objects of that source, from 1
 * @param object the object as written
 */
public record Manifest(String source, int index, ObjectNode object) {

    /** {@code file.yaml} or {@code file.yaml (object 2)}, for messages. */
    public String location() {
        return index == 1 ? source : source + " (object " + index + ")";
    }
}
