package dev.kumo.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.Manifests;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.Admission;
import dev.kumo.api.kinds.Admitted;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.meta.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Manifests in YAML, merge patches, and the admission of a set of kinds, for the kinds' tests. */
public final class KindFixtures {

    private final Map<String, Admission> admissions;
    private final Map<String, Admission> firstByKind;

    public KindFixtures(List<KindDefinition> kinds) {
        this.admissions = kinds.stream().collect(Collectors.toMap(d -> key(d.type().apiVersion(), d.type().kind()),
                KindDefinition::admission));
        this.firstByKind = kinds.stream().collect(Collectors.toMap(d -> d.type().kind(), KindDefinition::admission,
                (first, later) -> first));
    }

    public Admitted admit(ObjectNode object) {
        return admit(object, Optional.empty(), FieldValidation.Strict);
    }

    public Admitted admit(ObjectNode object, Optional<ObjectNode> existing, FieldValidation validation) {
        String kind = object.path("kind").asText();
        // A manifest with a wrong apiVersion still goes to its kind's admission, which names the mistake.
        return admissions.getOrDefault(key(object.path("apiVersion").asText(), kind), firstByKind.get(kind))
                .admit(object, existing, validation);
    }

    /** Kinds of one name live in several groups (a Knative Service, a core Service). */
    private static String key(String apiVersion, String kind) {
        return apiVersion + "/" + kind;
    }

    /** The field errors that admitting {@code object} (as an update of {@code existing}, if given) fails with. */
    public List<FieldError> causes(ObjectNode object, Optional<ObjectNode> existing) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admit(object, existing, FieldValidation.Strict));
        assertThat(e).as("admission should fail").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(422);
        return e.causes();
    }

    /** Admitting the row's patched manifest fails with exactly the row's field error (any message if null). */
    public void assertRefuses(ValidationRow row) {
        List<FieldError> causes = causes(patched(row.base(), row.patch()), Optional.empty());
        if (row.message() == null) {
            assertThat(causes).extracting(FieldError::field).containsExactly(row.field());
        } else {
            assertThat(causes).extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple(row.field(), row.message()));
        }
    }

    /** Admitting {@code manifest} fails in Strict mode with a 400 that names the unknown field's path. */
    public void assertUnknownField(ObjectNode manifest, String path) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> admit(manifest));
        assertThat(e).as("admission should fail").isNotNull();
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).contains("unknown field \"" + path + "\"");
    }

    /** A real manifest admits without warnings and keeps every field it had. */
    public void assertAdmitsCleanly(ObjectNode manifest) {
        Admitted admitted = admit(manifest.deepCopy());
        assertThat(admitted.warnings()).isEmpty();
        assertContains(normalized(admitted.object()), normalized(manifest), "");
    }

    /** Admitting what admission stored changes nothing more. */
    public void assertAdmitsIdempotently(ObjectNode manifest) {
        ObjectNode once = admit(manifest.deepCopy()).object();
        assertThat(normalized(admit(once.deepCopy()).object())).isEqualTo(normalized(once));
    }

    /** A manifest decodes into its record without unknown fields and encodes back to the same tree. */
    public static void assertRoundTrips(ObjectNode manifest, Class<? extends HasMetadata> record) {
        TypedCodec.Decoded<? extends HasMetadata> decoded = TypedCodec.decode(manifest, record);
        assertThat(decoded.unknownFields()).isEmpty();
        assertThat(normalized(decoded.value())).isEqualTo(normalized(manifest));
    }

    /** The single object in a YAML text. */
    public static ObjectNode yaml(String text) {
        List<ObjectNode> objects = Manifests.read(text);
        assertThat(objects).hasSize(1);
        return objects.get(0);
    }

    /** Every object in a fixture file under {@code src/test/resources}, e.g. {@code serving/helloworld-go.yaml}. */
    public static List<ObjectNode> resource(String path) {
        try (InputStream in = KindFixtures.class.getResourceAsStream("/" + path)) {
            return Manifests.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code base} with a JSON merge patch (RFC 7386) written in YAML applied: null deletes, arrays replace. */
    public static ObjectNode patched(String base, String patchYaml) {
        ObjectNode target = yaml(base);
        merge(target, yaml(patchYaml));
        return target;
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode child) {
                merge(child, value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    /** A tree normalized through text, so that int and long nodes of equal value compare equal. */
    public static JsonNode normalized(Object value) {
        try {
            return Json.mapper().readTree(Json.write(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every field of {@code expected} is in {@code actual} with the same value; defaults may add more. */
    public static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                assertThat(actual.has(field.getKey())).as(path + "." + field.getKey()).isTrue();
                assertContains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
