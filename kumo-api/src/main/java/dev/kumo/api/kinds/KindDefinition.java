package dev.kumo.api.kinds;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.printing.Printing;
import java.util.List;

/**
 * Everything Kumo knows about one kind, in one place: its type descriptor (group/version/kind, plural, singular,
 * short names, categories, scope, {@code /status}), how objects of it are admitted, its printer columns, and the
 * read-only subresources it serves besides {@code /status} (a Revision's {@code log}). The API server builds
 * discovery, Tables and writes from it; the CLI resolves names from it.
 */
public record KindDefinition(ResourceType type, Admission admission, Printing printing, List<String> subresources) {

    public KindDefinition {
        subresources = List.copyOf(subresources);
    }

    /** A kind printed as NAME and AGE, with no subresource but {@code /status}. */
    public KindDefinition(ResourceType type, Admission admission) {
        this(type, admission, Printing.NAME_AND_AGE, List.of());
    }

    /** This kind with these printer columns. */
    public KindDefinition withPrinting(Printing columns) {
        return new KindDefinition(type, admission, columns, subresources);
    }

    /** This kind also serving these read-only ({@code get}) subresources. */
    public KindDefinition withSubresources(String... names) {
        return new KindDefinition(type, admission, printing, List.of(names));
    }
}
