package dev.kumo.eventing.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.cloudevents.CloudEvent;
import io.cloudevents.types.Time;
import java.io.IOException;

/**
 * Writes the CloudEvents JSON format of an event {@link ReadsBack} vouches for, byte for byte as the SDK's
 * {@code JsonFormat} with base64 data writes it (ReadsBackTest compares them), straight onto one Jackson generator: no
 * serializer look-up, no content-type match per event.
 */
final class StoredJson {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredJson() {
    }

    static byte[] write(CloudEvent event) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(256)) { // no recycler: it would hand each event 2 KB anew
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.writeStartObject();
                json.writeStringField("specversion", event.getSpecVersion().toString());
                json.writeStringField("id", event.getId());
                json.writeStringField("source", event.getSource().toString());
                json.writeStringField("type", event.getType());
                optional(json, "datacontenttype", event.getDataContentType());
                optional(json, "dataschema", event.getDataSchema() == null ? null : event.getDataSchema().toString());
                optional(json, "subject", event.getSubject());
                optional(json, "time", event.getTime() == null ? null : Time.writeTime(event.getTime()));
                for (String name : event.getExtensionNames()) {
                    switch (event.getExtension(name)) {
                        case String text -> json.writeStringField(name, text);
                        case Integer number -> json.writeNumberField(name, number);
                        case Boolean flag -> json.writeBooleanField(name, flag);
                        case Object other -> throw new IllegalArgumentException("extension " + name + " is a "
                                + other.getClass().getName() + ": only String, Integer and Boolean are written here");
                    }
                }
                if (event.getData() != null) {
                    json.writeBinaryField("data_base64", event.getData().toBytes());
                }
                json.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("writing event " + event.getId() + " as JSON: " + e.getMessage(), e);
        }
    }

    private static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
