package dev.kumo.api.core;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Admission of the core v1 kinds Kumo serves: namespaces, configmaps, secrets and (read-only) pods. */
public final class CoreKinds {

    private static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private CoreKinds() {
    }

    public static List<KindDefinition> all() {
        return List.of(
                new KindDefinition(ResourceTypes.NAMESPACE, new TypedAdmission<>(ResourceTypes.NAMESPACE,
                        Namespace.class, NameRule.DNS1123_LABEL, new TypedAdmission.Rules<>() {
                            public Namespace withDefaults(Namespace value) {
                                return value;
                            }

                            public List<FieldError> validate(Namespace value, Optional<Namespace> existing) {
                                return List.of();
                            }
                        })).withPrinting(kubectl(PrinterColumn.rendered("Status", ".metadata.deletionTimestamp",
                                Cell.LIFECYCLE))),
                new KindDefinition(ResourceTypes.CONFIGMAP, new TypedAdmission<>(ResourceTypes.CONFIGMAP,
                        ConfigMap.class, NameRule.DNS1123_SUBDOMAIN, new TypedAdmission.Rules<>() {
                            public ConfigMap withDefaults(ConfigMap value) {
                                return value;
                            }

                            public List<FieldError> validate(ConfigMap value, Optional<ConfigMap> existing) {
                                List<FieldError> errors = new ArrayList<>(keys(value.data(), "data"));
                                errors.addAll(keys(value.binaryData(), "binaryData"));
                                errors.addAll(immutability(existing.map(ConfigMap::immutable),
                                        existing.map(e -> Arrays.asList(e.data(), e.binaryData())),
                                        Arrays.asList(value.data(), value.binaryData())));
                                return errors;
                            }
                        })).withPrinting(kubectl(PrinterColumn.rendered("Data", "['data','binaryData']",
                                Cell.COUNT))),
                new KindDefinition(ResourceTypes.SECRET, new TypedAdmission<>(ResourceTypes.SECRET, Secret.class,
                        NameRule.DNS1123_SUBDOMAIN, new TypedAdmission.Rules<>() {
                            public Secret withDefaults(Secret value) {
                                return foldStringData(value);
                            }

                            public List<FieldError> validate(Secret value, Optional<Secret> existing) {
                                List<FieldError> errors = new ArrayList<>(keys(value.data(), "data"));
                                if (value.data() != null) {
                                    value.data().forEach((key, encoded) -> {
                                        try {
                                            Base64.getDecoder().decode(encoded == null ? "" : encoded);
                                        } catch (IllegalArgumentException e) {
                                            errors.add(FieldError.invalid("data[" + key + "]", "<secret>",
                                                    "must be base64 encoded; put plain text in stringData instead"));
                                        }
                                    });
                                }
                                errors.addAll(immutability(existing.map(Secret::immutable),
                                        existing.map(e -> Arrays.asList(e.data())), Arrays.asList(value.data())));
                                return errors;
                            }
                        })).withPrinting(kubectl(PrinterColumn.value("Type", ".type"),
                                PrinterColumn.rendered("Data", ".data", Cell.COUNT))),
                PodKind.definition());
    }

    /** kubectl's columns for a core kind: NAME, {@code middle}, AGE; kn shows NAME AGE. */
    private static Printing kubectl(PrinterColumn... middle) {
        return new Printing(Printing.named("Name", List.of(middle), List.of(PrinterColumn.age("Age"))),
                Printing.NAME_AND_AGE.kn());
    }

    private static Secret foldStringData(Secret value) {
        if (value.stringData() == null || value.stringData().isEmpty()) {
            return new Secret(value.apiVersion(), value.kind(), value.metadata(), value.data(), null,
                    value.type() == null ? "Opaque" : value.type(), value.immutable());
        }
        Map<String, String> data = new LinkedHashMap<>(value.data() == null ? Map.of() : value.data());
        value.stringData().forEach((k, v) -> data.put(k,
                Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return new Secret(value.apiVersion(), value.kind(), value.metadata(), data, null,
                value.type() == null ? "Opaque" : value.type(), value.immutable());
    }

    private static List<FieldError> keys(Map<String, String> data, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (data != null) {
            data.keySet().stream().filter(k -> k.length() > 253 || !DATA_KEY.matcher(k).matches()).forEach(k ->
                    errors.add(FieldError.invalid(field, k,
                            "a valid config key must consist of alphanumeric characters, '-', '_' or '.'")));
        }
        return errors;
    }

    private static List<FieldError> immutability(Optional<Boolean> wasImmutable, Optional<List<Map<String, String>>> was,
            List<Map<String, String>> now) {
        if (wasImmutable.orElse(false) && was.isPresent() && !was.get().equals(now)) {
            return List.of(FieldError.forbidden("data", "field is immutable when `immutable` is set"));
        }
        return List.of();
    }

    /** {@link java.util.Arrays#asList} that tolerates null elements, named for readability here. */
    private static final class Arrays {
        @SafeVarargs
        static <T> List<T> asList(T... values) {
            return java.util.Arrays.asList(values);
        }
    }
}
