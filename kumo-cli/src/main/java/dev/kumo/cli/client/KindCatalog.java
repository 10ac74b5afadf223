package dev.kumo.cli.client;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.placeholder.PlaceholderKinds;
import dev.kumo.api.registry.BuiltInKinds;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds the CLI knows by name, looked up the way kubectl does (plural, singular, kind or short name). They come
 * from the registry the server serves ({@link BuiltInKinds}), built into the CLI so that names resolve before any
 * request (a manifest's kind, a hint in an error, a dry run) and with no server at hand.
 */
public final class KindCatalog {

    /** The kinds Kumo runs: not those served only so that kubectl finds them (placeholders, CRDs). */
    private static final Kinds KINDS = new Kinds(BuiltInKinds.all().all().stream()
            .filter(kind -> !PlaceholderKinds.refusesWrites(kind)).toList());

    private KindCatalog() {
    }

    /** Knative's kinds first, then the core ones, as hints list them. */
    public static List<ResourceType> types() {
        return KINDS.types().stream().sorted(Comparator.comparing(t -> t.group().isEmpty())).toList();
    }

    /** The kind a user names on the command line, e.g. {@code ksvc}, {@code services}, {@code Service}. */
    public static Optional<ResourceType> resolve(String name) {
        return KINDS.resolve(name).map(KindDefinition::type);
    }

    /** The kind a manifest declares with {@code apiVersion} and {@code kind}. */
    public static Optional<ResourceType> forManifest(String apiVersion, String kind) {
        return types().stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
    }

    /** The name kubectl prints for objects of a kind: {@code service.serving.knative.dev}, {@code configmap}. */
    public static String qualifiedName(ResourceType type) {
        return type.group().isEmpty() ? type.singular() : type.singular() + "." + type.group();
    }

    /** One line naming every known kind with its short names, for hints; a kind served in two versions once. */
    public static String summary() {
        return KINDS.all().stream().filter(kind -> kind.storedAs().isEmpty()).map(KindDefinition::type)
                .sorted(Comparator.comparing(t -> t.group().isEmpty())).map(t -> t.shortNames().isEmpty() ? t.plural()
                        : t.plural() + " (" + String.join(", ", t.shortNames()) + ")")
                .collect(Collectors.joining(", "));
    }
}
