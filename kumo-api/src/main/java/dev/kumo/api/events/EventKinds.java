package dev.kumo.api.events;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The two Event kinds: core {@code v1}, stored, and {@code events.k8s.io/v1}, kept as core Events
 * ({@link EventConversion}). Both print Kubernetes' columns (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE) and take
 * Kubernetes' Event field selectors ({@code involvedObject.name=…}, {@code reason}, {@code type}, …).
 */
public final class EventKinds {

    private static final Set<String> TYPES = Set.of("Normal", "Warning");
    private static final int MAX_NOTE_BYTES = 1024;

    /** Kubernetes' Event field labels, as JSON pointers into the stored (core) form. */
    private static final Map<String, String> CORE_FIELDS = Map.ofEntries(
            Map.entry("involvedObject.kind", "/involvedObject/kind"),
            Map.entry("involvedObject.namespace", "/involvedObject/namespace"),
            Map.entry("involvedObject.name", "/involvedObject/name"),
            Map.entry("involvedObject.uid", "/involvedObject/uid"),
            Map.entry("involvedObject.apiVersion", "/involvedObject/apiVersion"),
            Map.entry("involvedObject.resourceVersion", "/involvedObject/resourceVersion"),
            Map.entry("involvedObject.fieldPath", "/involvedObject/fieldPath"),
            Map.entry("reason", "/reason"),
            Map.entry("reportingComponent", "/reportingComponent"),
            Map.entry("source", "/source/component"),
            Map.entry("type", "/type"));

    private EventKinds() {
    }

    public static List<KindDefinition> all() {
        return List.of(core(), eventsV1());
    }

    private static KindDefinition core() {
        return new KindDefinition(ResourceTypes.EVENT, new TypedAdmission<>(ResourceTypes.EVENT, Event.class,
                NameRule.DNS1123_SUBDOMAIN, new TypedAdmission.Rules<>() {
                    public Event withDefaults(Event value) {
                        return value;
                    }

                    public List<FieldError> validate(Event value, Optional<Event> existing) {
                        List<FieldError> errors = new ArrayList<>();
                        String namespace = value.metadata() == null ? null : value.metadata().namespace();
                        if (value.involvedObject() != null && value.involvedObject().namespace() != null
                                && namespace != null && !value.involvedObject().namespace().equals(namespace)) {
                            errors.add(FieldError.invalid("involvedObject.namespace", value.involvedObject().namespace(),
                                    "does not match event.namespace"));
                        }
                        if (value.type() != null && !value.type().isEmpty() && !TYPES.contains(value.type())) {
                            errors.add(FieldError.notSupported("type", value.type(), List.copyOf(TYPES)));
                        }
                        return errors;
                    }
                })).withPrinting(printing(".involvedObject", ".message", "['lastTimestamp','eventTime']",
                        "['firstTimestamp','eventTime']", ".count"))
                .withFieldLabels(CORE_FIELDS);
    }

    private static KindDefinition eventsV1() {
        return new KindDefinition(ResourceTypes.EVENTS_V1_EVENT, new TypedAdmission<>(ResourceTypes.EVENTS_V1_EVENT,
                EventsV1Event.class, NameRule.DNS1123_SUBDOMAIN, new TypedAdmission.Rules<>() {
                    public EventsV1Event withDefaults(EventsV1Event value) {
                        return value;
                    }

                    public List<FieldError> validate(EventsV1Event value, Optional<EventsV1Event> existing) {
                        List<FieldError> errors = new ArrayList<>();
                        required(errors, "eventTime", value.eventTime());
                        required(errors, "reportingController", value.reportingController());
                        required(errors, "reportingInstance", value.reportingInstance());
                        required(errors, "action", value.action());
                        required(errors, "reason", value.reason());
                        if (!TYPES.contains(Objects.requireNonNullElse(value.type(), ""))) {
                            errors.add(FieldError.notSupported("type", Objects.requireNonNullElse(value.type(), ""),
                                    List.copyOf(TYPES)));
                        }
                        if (value.note() != null && value.note().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                                .length > MAX_NOTE_BYTES) {
                            errors.add(FieldError.invalid("note", "", "can have at most 1024 characters"));
                        }
                        return errors;
                    }
                })).withPrinting(printing(".regarding", ".note", "['deprecatedLastTimestamp','eventTime']",
                        "['deprecatedFirstTimestamp','eventTime']", ".deprecatedCount"))
                .withFieldLabels(eventsV1Fields())
                .storedAs(new EventConversion());
    }

    /** The core labels, and the same in {@code events.k8s.io/v1}'s words ({@code regarding.name}, {@code note}…). */
    private static Map<String, String> eventsV1Fields() {
        Map<String, String> fields = new java.util.HashMap<>(CORE_FIELDS);
        CORE_FIELDS.forEach((label, pointer) -> {
            if (label.startsWith("involvedObject.")) {
                fields.put("regarding." + label.substring("involvedObject.".length()), pointer);
            }
        });
        fields.put("reportingController", "/reportingComponent");
        return fields;
    }

    private static void required(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.required(field, ""));
        }
    }

    /** Kubernetes' Event columns; with {@code -o wide} also NAME, FIRST SEEN and COUNT. */
    private static Printing printing(String object, String message, String lastSeen, String firstSeen, String count) {
        // kubectl shows no NAME but with -o wide; first here as every table starts with the name-formatted column.
        List<PrinterColumn> columns = List.of(
                PrinterColumn.name("Name").wide(),
                new PrinterColumn("Last Seen", "string", "", lastSeen, 0, Cell.AGE),
                PrinterColumn.value("Type", ".type"),
                PrinterColumn.value("Reason", ".reason"),
                PrinterColumn.rendered("Object", object, Cell.OBJECT),
                PrinterColumn.value("Message", message),
                new PrinterColumn("First Seen", "string", "", firstSeen, 1, Cell.AGE),
                PrinterColumn.value("Count", count).wide());
        return new Printing(columns, columns);
    }
}
