package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.printing.References;

/**
 * kn's sink syntax: {@code ksvc:NAME[:NAMESPACE]} (a Knative Service), {@code broker:NAME}, {@code channel:NAME}, or
 * an {@code http(s)://} URL; turned into a Knative Destination and back.
 */
final class Sink {

    private Sink() {
    }

    /** The Destination {@code value} names; {@code flag} names the flag in errors. */
    static ObjectNode parse(String value, String flag) {
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return Json.object().put("uri", value);
        }
        String[] parts = value.split(":", -1);
        if (parts.length >= 2 && parts.length <= 3 && !parts[1].isEmpty()) {
            ObjectNode ref = switch (parts[0]) {
                case "ksvc" -> ref("serving.knative.dev/v1", "Service", parts[1]);
                case "broker" -> ref("eventing.knative.dev/v1", "Broker", parts[1]);
                case "channel" -> ref("messaging.knative.dev/v1", "Channel", parts[1]);
                default -> null;
            };
            if (ref != null) {
                if (parts.length == 3 && !parts[2].isEmpty()) {
                    ref.put("namespace", parts[2]);
                }
                ObjectNode destination = Json.object();
                destination.set("ref", ref);
                return destination;
            }
        }
        throw new BadFlag("invalid " + flag + " '" + value + "': want ksvc:NAME[:NAMESPACE], broker:NAME, "
                + "channel:NAME or an http(s):// URL");
    }

    /** A Destination as kn prints it: {@code ksvc:hello}, {@code broker:default}, the URI, or both. */
    static String describe(JsonNode destination) {
        return References.destination(destination);
    }

    private static ObjectNode ref(String apiVersion, String kind, String name) {
        return Json.object().put("apiVersion", apiVersion).put("kind", kind).put("name", name);
    }
}
