package dev.kumo.api.codec;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a tree into a typed record while collecting every field the record does not know, with its full path
 * ({@code spec.template.spec.foo}), so callers can reject, warn about or drop them.
 */
public final class TypedCodec {

    /**
     * A fraction where an integer is wanted is refused, as Kubernetes does, rather than silently truncated; a
     * {@code null} inside a map or list ({@code "stringData":{"k":null}}, {@code "containers":[null]}) is refused
     * with its path here rather than reaching defaults and validation that cannot expect it.
     */
    private static final ObjectMapper STRICT = Json.mapper().copy()
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));

    private TypedCodec() {
    }

    /** A decoded value and the paths of the fields it did not know. */
    public record Decoded<T>(T value, List<String> unknownFields) {
    }

    /** Decodes {@code tree} into {@code type}; a value of the wrong shape is a 400 naming the field. */
    public static <T> Decoded<T> decode(ObjectNode tree, Class<T> type) {
        List<String> unknown = new ArrayList<>();
        // A reader per call carries this call's handler and shares the mapper's deserializer cache.
        ObjectReader reader = STRICT.readerFor(type).withHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                    JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
                unknown.add(join(path(containingObject(parser).getParent()), propertyName));
                parser.skipChildren();
                return true;
            }
        });
        try {
            T value = reader.readValue(tree);
            return new Decoded<>(value, List.copyOf(unknown));
        } catch (MismatchedInputException e) {
            String what = e instanceof InvalidNullException ? "null is not allowed here, give a value or leave "
                    + "the entry out" : "wrong type: " + WrongType.describe(e, tree);
            throw ApiException.badRequest(type.getSimpleName() + " in version \"v1\" cannot be handled: "
                    + fieldPath(e) + ": " + what);
        } catch (IOException e) {
            throw ApiException.badRequest("cannot decode " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The JSON path of the value a mapping failed on, as Kubernetes writes field paths: {@code spec.a[0].b}. */
    public static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce("", (a, b) -> b.startsWith("[") ? a + b : join(a, b));
    }

    /**
     * The context of the object that holds the unknown property: when its value is an object or an array the parser
     * has already entered that value, so the holder is one level up.
     */
    private static JsonStreamContext containingObject(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        return parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY
                ? context.getParent() : context;
    }

    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            return parent + "[" + context.getCurrentIndex() + "]";
        }
        return join(parent, context.getCurrentName());
    }

    private static String join(String parent, String name) {
        if (name == null) {
            return parent;
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
