package dev.kumo.api.kinds;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.printing.Printing;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Kumo knows about one kind, in one place: its type descriptor (group/version/kind, plural, singular,
 * short names, categories, scope, {@code /status}), how objects of it are admitted, its printer columns, the
 * read-only subresources it serves besides {@code /status} (a Revision's {@code log}), the field labels a
 * {@code fieldSelector} may name beyond {@code metadata.name}/{@code metadata.namespace} (label → JSON pointer into
 * the stored object), and, for a kind kept as another one's objects, how it is converted. The API server builds
 * discovery, Tables and writes from it; the CLI resolves names from it.
 */
public record KindDefinition(ResourceType type, Admission admission, Printing printing, List<String> subresources,
        Map<String, String> fieldLabels, Optional<StoredVersion> storedAs) {

    public KindDefinition {
        subresources = List.copyOf(subresources);
        fieldLabels = Map.copyOf(fieldLabels);
    }

    /** A kind with these columns and subresources, stored as itself, selectable by name and namespace only. */
    public KindDefinition(ResourceType type, Admission admission, Printing printing, List<String> subresources) {
        this(type, admission, printing, subresources, Map.of(), Optional.empty());
    }

    /** A kind printed as NAME and AGE, with no subresource but {@code /status}. */
    public KindDefinition(ResourceType type, Admission admission) {
        this(type, admission, Printing.NAME_AND_AGE, List.of());
    }

    /** This kind with these printer columns. */
    public KindDefinition withPrinting(Printing columns) {
        return new KindDefinition(type, admission, columns, subresources, fieldLabels, storedAs);
    }

    /** This kind also serving these read-only ({@code get}) subresources. */
    public KindDefinition withSubresources(String... names) {
        return new KindDefinition(type, admission, printing, List.of(names), fieldLabels, storedAs);
    }

    /** This kind selectable by these field labels (label → JSON pointer into the stored object). */
    public KindDefinition withFieldLabels(Map<String, String> labels) {
        return new KindDefinition(type, admission, printing, subresources, labels, storedAs);
    }

    /** This kind kept as the objects of {@code conversion.stored()}. */
    public KindDefinition storedAs(StoredVersion conversion) {
        return new KindDefinition(type, admission, printing, subresources, fieldLabels, Optional.of(conversion));
    }
}
