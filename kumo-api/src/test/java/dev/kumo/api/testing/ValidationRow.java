package dev.kumo.api.testing;

/**
 * One failing case: a base manifest, a merge patch (YAML) that breaks it, and the one field error expected.
 *
 * @param name what the row checks
 * @param base the manifest to start from
 * @param patch a JSON merge patch written in YAML
 * @param field the expected error's field path
 * @param message the expected error's whole message
 */
public record ValidationRow(String name, String base, String patch, String field, String message) {

    @Override
    public String toString() {
        return name;
    }
}
