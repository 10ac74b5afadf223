package dev.kumo.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a kubeconfig of the usual shape into the tree Jackson's YAML parser makes, with SnakeYAML's event parser
 * alone (the one Jackson's sits on): every jackson-core parser initialises {@code BigDecimal}, ~20 ms of CPU on JDK
 * 25 with the CLI's flags, on every call that reads a kubeconfig. Mappings with plain keys, sequences, strings,
 * {@code true}/{@code false}, nulls and {@code !!binary} are read here; anything else (a number, another tag, an
 * anchor or alias, a document that is not a mapping, nesting deeper than {@value #MAX_DEPTH}, malformed YAML) is
 * left to Jackson's parser: empty then.
 */
final class KubeconfigYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deeper than any kubeconfig nests; Jackson's parser, which stops at 1,000, names a deeper file. */
    private static final int MAX_DEPTH = 64;
    private static final String BINARY = "tag:yaml.org,2002:binary";
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s");
    private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    /**
     * Every plain scalar a YAML schema may read as a number (ints with signs, underscores, 0x, 0b, 0o and base 60;
     * floats, .inf, .nan): a superset of what Jackson's parser reads as one. A token such as {@code 2d2e0d…} is text.
     */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(0x[0-9a-fA-F_]+|0b[01_]+|0o[0-7_]+"
            + "|[0-9][0-9_:]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?"
            + "|\\.(inf|Inf|INF|nan|NaN|NAN))");
    /** YAML 1.1's other booleans: left to Jackson's parser, whichever way it reads them. */
    private static final Set<String> YAML11 = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF");

    private final Parser parser;
    private int depth;

    private KubeconfigYaml(String text) {
        this.parser = new ParserImpl(new StreamReader(text), new LoaderOptions());
    }

    /** The first document that says something, when it is a mapping read here; else empty (Jackson's to read). */
    static Optional<ObjectNode> read(String text) {
        try {
            return Optional.ofNullable(new KubeconfigYaml(text).document());
        } catch (RuntimeException e) {
            // Malformed, or a shape left to Jackson's parser, which names what is wrong as before.
            return Optional.empty();
        }
    }

    private ObjectNode document() {
        while (true) {
            Event event = parser.getEvent();
            switch (event.getEventId()) {
                case StreamStart, DocumentStart, DocumentEnd -> {
                    // structure around the documents
                }
                case MappingStart -> {
                    return object((NodeEvent) event);
                }
                case Scalar -> {
                    if (!value(event).isNull()) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
    }

    private ObjectNode object(NodeEvent start) {
        plain(start);
        deeper();
        ObjectNode object = NODES.objectNode();
        for (Event key = parser.getEvent(); key.getEventId() != Event.ID.MappingEnd; key = parser.getEvent()) {
            if (!(key instanceof ScalarEvent name) || name.getTag() != null) {
                throw new Unsupported();
            }
            plain(name);
            object.set(name.getValue(), value(parser.getEvent()));
        }
        depth--;
        return object;
    }

    private ArrayNode array(NodeEvent start) {
        plain(start);
        deeper();
        ArrayNode array = NODES.arrayNode();
        for (Event item = parser.getEvent(); item.getEventId() != Event.ID.SequenceEnd; item = parser.getEvent()) {
            array.add(value(item));
        }
        depth--;
        return array;
    }

    private void deeper() {
        if (++depth > MAX_DEPTH) {
            throw new Unsupported();
        }
    }

    private JsonNode value(Event event) {
        return switch (event.getEventId()) {
            case MappingStart -> object((NodeEvent) event);
            case SequenceStart -> array((NodeEvent) event);
            case Scalar -> scalar((ScalarEvent) event);
            default -> throw new Unsupported();
        };
    }

    private static JsonNode scalar(ScalarEvent scalar) {
        plain(scalar);
        String value = scalar.getValue();
        if (BINARY.equals(scalar.getTag())) {
            // Line breaks and spaces may fold the value; anything else outside base64 is refused (Jackson's to name).
            return NODES.binaryNode(Base64.getDecoder().decode(WHITE_SPACE.matcher(value).replaceAll("")));
        }
        if (scalar.getTag() != null) {
            throw new Unsupported();
        }
        if (!scalar.isPlain()) {
            return NODES.textNode(value);
        }
        if (TRUE.contains(value) || FALSE.contains(value)) {
            return NODES.booleanNode(TRUE.contains(value));
        }
        if (NULL.contains(value)) {
            return NODES.nullNode();
        }
        if (NUMBER_LIKE.matcher(value).matches() || YAML11.contains(value)) {
            throw new Unsupported(); // a number, or a word another YAML schema reads otherwise
        }
        return NODES.textNode(value);
    }

    /** Refuses an anchor (its aliases would need the node again) and a tagged mapping or sequence. */
    private static void plain(NodeEvent event) {
        if (event.getAnchor() != null || event instanceof CollectionStartEvent collection
                && collection.getTag() != null) {
            throw new Unsupported();
        }
    }

    /** A shape left to Jackson's parser. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }
}
