package dev.kumo.api.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Admission for a kind modelled as a record: checks apiVersion and kind, decodes strictly (unknown fields are
 * rejected, warned about or dropped per {@link FieldValidation}), applies the kind's defaults, validates metadata and
 * the kind's own rules, and re-encodes what is to be stored.
 */
public final class TypedAdmission<T extends HasMetadata> implements Admission {

    /** The kind-specific part: defaults, validation (field paths in errors), warnings for fields not honoured. */
    public interface Rules<T> {

        T withDefaults(T value);

        /** Defaults on create or update; {@code existing} is the stored object on update (Knative skips some then). */
        default T withDefaults(T value, Optional<T> existing) {
            return withDefaults(value);
        }

        List<FieldError> validate(T value, Optional<T> existing);

        default List<String> warnings(T value) {
            return List.of();
        }
    }

    private final ResourceType type;
    private final Class<T> recordType;
    private final ObjectMetaValidation.NameRule nameRule;
    private final Rules<T> rules;

    public TypedAdmission(ResourceType type, Class<T> recordType, ObjectMetaValidation.NameRule nameRule,
            Rules<T> rules) {
        this.type = type;
        this.recordType = recordType;
        this.nameRule = nameRule;
        this.rules = rules;
    }

    @Override
    public Admitted admit(ObjectNode incoming, Optional<ObjectNode> existing, FieldValidation validation) {
        checkTypeMeta(incoming);
        TypedCodec.Decoded<T> decoded = TypedCodec.decode(incoming, recordType);
        List<String> warnings = new ArrayList<>();
        if (!decoded.unknownFields().isEmpty()) {
            List<String> unknown = decoded.unknownFields().stream().map(f -> "unknown field \"" + f + "\"").toList();
            switch (validation) {
                case Strict -> throw ApiException.badRequest(type.kind() + " in version \"" + type.version()
                        + "\" cannot be handled as a " + type.kind() + ": strict decoding error: "
                        + String.join(", ", unknown));
                case Warn -> warnings.addAll(unknown);
                case Ignore -> { }
            }
        }
        Optional<T> old = existing.map(e -> TypedCodec.decode(e, recordType).value());
        T value = rules.withDefaults(decoded.value(), old);
        List<FieldError> errors = new ArrayList<>(ObjectMetaValidation.validate(value.metadata(), nameRule));
        errors.addAll(rules.validate(value, old));
        if (!errors.isEmpty()) {
            String name = value.metadata() == null || value.metadata().name() == null ? ""
                    : value.metadata().name();
            throw ApiException.invalid(type.kind(), name, errors);
        }
        warnings.addAll(rules.warnings(value));
        return new Admitted(Json.toTree(value), warnings);
    }

    private void checkTypeMeta(ObjectNode incoming) {
        String apiVersion = incoming.path("apiVersion").asText("");
        String kind = incoming.path("kind").asText("");
        if (!apiVersion.equals(type.apiVersion())) {
            throw ApiException.badRequest("apiVersion: Invalid value: \"" + apiVersion + "\": " + type.kind()
                    + " is served as " + type.apiVersion());
        }
        if (!kind.equals(type.kind())) {
            throw ApiException.badRequest("kind: Invalid value: \"" + kind + "\": this endpoint serves "
                    + type.kind());
        }
    }
}
