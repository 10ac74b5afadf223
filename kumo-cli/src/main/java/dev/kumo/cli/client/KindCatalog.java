package dev.kumo.cli.client;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds the CLI knows by name, looked up the way kubectl does (plural, singular, kind or short name). */
public final class KindCatalog {

    private static final List<ResourceType> TYPES = List.of(ResourceTypes.SERVICE, ResourceTypes.CONFIGURATION,
            ResourceTypes.REVISION, ResourceTypes.ROUTE, ResourceTypes.BROKER, ResourceTypes.TRIGGER,
            ResourceTypes.PING_SOURCE, ResourceTypes.API_SERVER_SOURCE, ResourceTypes.SINK_BINDING,
            ResourceTypes.CONTAINER_SOURCE, ResourceTypes.NAMESPACE, ResourceTypes.CONFIGMAP, ResourceTypes.SECRET);

    // The CLI only names kinds; admission is the server's job, so these definitions refuse to admit anything.
    private static final Kinds KINDS = new Kinds(TYPES.stream().map(type -> new KindDefinition(type,
            (incoming, existing, validation) -> {
                throw new UnsupportedOperationException("the CLI does not admit objects");
            })).toList());

    private KindCatalog() {
    }

    public static List<ResourceType> types() {
        return TYPES;
    }

    /** The kind a user names on the command line, e.g. {@code ksvc}, {@code services}, {@code Service}. */
    public static Optional<ResourceType> resolve(String name) {
        return KINDS.resolve(name).map(KindDefinition::type);
    }

    /** The kind a manifest declares with {@code apiVersion} and {@code kind}. */
    public static Optional<ResourceType> forManifest(String apiVersion, String kind) {
        return TYPES.stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
    }

    /** The name kubectl prints for objects of a kind: {@code service.serving.knative.dev}, {@code configmap}. */
    public static String qualifiedName(ResourceType type) {
        return type.group().isEmpty() ? type.singular() : type.singular() + "." + type.group();
    }

    /** One line naming every known kind with its short names, for hints. */
    public static String summary() {
        return TYPES.stream().map(t -> t.shortNames().isEmpty() ? t.plural()
                        : t.plural() + " (" + String.join(", ", t.shortNames()) + ")")
                .collect(Collectors.joining(", "));
    }
}
