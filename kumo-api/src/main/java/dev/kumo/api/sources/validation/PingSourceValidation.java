package dev.kumo.api.sources.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.sources.PingSource;
import dev.kumo.api.sources.PingSourceSpec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A PingSource: a cron schedule in a known time zone, a sink, and {@code data} xor {@code dataBase64}. */
public final class PingSourceValidation {

    private static final String JSON = "application/json";

    private PingSourceValidation() {
    }

    public static List<FieldError> validate(PingSource value) {
        PingSourceSpec spec = value.spec() == null ? PingSourceSpec.EMPTY : value.spec();
        List<FieldError> errors = new ArrayList<>();
        String schedule = spec.schedule() == null ? "" : spec.schedule();
        CronSchedule.error(schedule).ifPresent(why -> errors.add(FieldError.invalid("spec.schedule", schedule,
                why + "; write five cron fields, e.g. \"*/5 * * * *\"")));
        if (spec.timezone() != null && !spec.timezone().isEmpty()
                && !ZoneId.getAvailableZoneIds().contains(spec.timezone())) {
            errors.add(FieldError.invalid("spec.timezone", spec.timezone(),
                    "not a time zone of the IANA database, e.g. Europe/Paris or UTC"));
        }
        errors.addAll(SourceSpecValidation.validate(spec.sink(), spec.ceOverrides(), "spec"));
        boolean hasData = spec.data() != null && !spec.data().isEmpty();
        boolean hasBase64 = spec.dataBase64() != null && !spec.dataBase64().isEmpty();
        if (hasData && hasBase64) {
            errors.add(FieldError.forbidden("spec", "expected exactly one, got both: data, dataBase64"));
        } else if (hasBase64) {
            try {
                byte[] decoded = Base64.getDecoder().decode(spec.dataBase64());
                if (JSON.equals(spec.contentType())) {
                    jsonObjectError(new String(decoded, java.nio.charset.StandardCharsets.UTF_8), "spec.dataBase64",
                            spec.dataBase64(), errors);
                }
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.invalid("spec.dataBase64", spec.dataBase64(),
                        "not base64: " + e.getMessage() + "; put text in spec.data instead"));
            }
        } else if (hasData && JSON.equals(spec.contentType())) {
            jsonObjectError(spec.data(), "spec.data", spec.data(), errors);
        }
        return errors;
    }

    /** Knative reads JSON data into an object, so with contentType application/json it must be a JSON object. */
    private static void jsonObjectError(String text, String field, String value, List<FieldError> errors) {
        try {
            if (!Json.mapper().readTree(text).isObject()) {
                errors.add(FieldError.invalid(field, value, "must be a JSON object when contentType is " + JSON));
            }
        } catch (JsonProcessingException e) {
            errors.add(FieldError.invalid(field, value, "not JSON: " + e.getOriginalMessage()
                    + "; fix it or change contentType"));
        }
    }
}
