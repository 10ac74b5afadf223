package dev.kumo.eventing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates CloudEvent requests, binary and structured, with odd {@code ce-*} headers: names that look reserved
 * ({@code ce-data}, {@code ce-data_base64}, {@code ce-specversion} twice), empty and long values, raw UTF-8 and Latin-1
 * bytes, {@code %} in odd places, duplicate headers and odd content types. Every event's id starts with
 * {@code fz-N-} so what arrives is counted by N whatever the rest of the id became; events of type {@code reject…} are
 * refused by the test's subscriber, so they end at the dead-letter sink.
 */
final class FuzzedEvents {

    /** Values that are hard on a header reader, each as the wire characters (one char per byte). */
    private static final List<String> ODD_VALUES = List.of("", " ", "%", "%%", "%2", "%zz", "100%", "50% off",
            "%41", "%E2%82", "%C0%A0", "%00", "%0D%0A", "%25", "a%20b", "\"quoted\"", "\"unterminated", "'single'",
            "tab\there", "café" /* its é goes out as the single Latin-1 byte, as Node sends it */, utf8("Grüße € 😀"), utf8("日本語"), utf8("%ü%"), "a,b,c", "a;b=c",
            "  padded  ", "x".repeat(3000), "%".repeat(200), "\\", "{\"json\":true}", "null", "-1", "ø".repeat(1));

    private static final List<String> ODD_NAMES = List.of("ce-data", "ce-data_base64", "ce-DATA", "ce-Ext",
            "ce-with-dash", "ce-under_score", "ce-", "ce-knativebrokerttl", "ce-knativearrivaltime", "ce-time",
            "ce-dataschema", "ce-datacontenttype", "ce-subject", "ce-specversion", "ce-id", "ce-source", "ce-type",
            "ce-" + "x".repeat(40), "ce-ext1", "ce-traceparent", "ce-partitionkey");

    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain",
            "application/octet-stream", "", "application/cloudevents+json", "application/cloudevents-batch+json",
            "text/plain; charset=latin1", "application/json; charset=\"utf-8\"", "multipart/form-data; boundary=x",
            utf8("💥/💥"), "application/xml", "application/cloudevents+json; charset=utf-8", "*/*", ";;;");

    private final Random random;

    FuzzedEvents(long seed) {
        this.random = new Random(seed);
    }

    /** The {@code n}th request to {@code path}. */
    RawHttp.Request next(int n, String path) {
        return random.nextInt(3) == 0 ? structured(n, path) : binary(n, path);
    }

    private RawHttp.Request binary(int n, String path) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("ce-specversion", "1.0"));
        headers.add(Map.entry("ce-id", id(n)));
        headers.add(Map.entry("ce-source", random.nextInt(10) == 0 ? pick(ODD_VALUES) : "/fuzz/" + n));
        headers.add(Map.entry("ce-type", type()));
        int odd = random.nextInt(4);
        for (int i = 0; i < odd; i++) {
            String name = pick(ODD_NAMES);
            if (name.equals("ce-id")) {
                headers.add(Map.entry(name, id(n)));
            } else {
                headers.add(Map.entry(random.nextBoolean() ? name : name.toUpperCase(), pick(ODD_VALUES)));
            }
        }
        if (random.nextInt(3) > 0) {
            headers.add(Map.entry("Content-Type", pick(CONTENT_TYPES)));
        }
        byte[] body = switch (random.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> "{}".getBytes(StandardCharsets.UTF_8);
            case 2 -> utf8("{\"n\":" + n + ",\"text\":\"Grüße\"}").getBytes(StandardCharsets.ISO_8859_1);
            default -> randomBytes(random.nextInt(64));
        };
        return new RawHttp.Request(path, headers, body);
    }

    private RawHttp.Request structured(int n, String path) {
        StringBuilder json = new StringBuilder("{\"specversion\":\"1.0\",\"id\":").append(quote(id(n)))
                .append(",\"source\":\"/fuzz/").append(n).append("\",\"type\":").append(quote(type()));
        int odd = random.nextInt(4);
        for (int i = 0; i < odd; i++) {
            json.append(',').append(quote(pick(List.of("data", "data_base64", "subject", "time", "dataschema",
                    "datacontenttype", "ext", "Upper", "under_score", "knativebrokerttl", "specversion"))))
                    .append(':').append(pick(List.of("null", "1", "true", "{\"a\":[1,2]}", "[1]", "\"\"",
                            quote("Grüße € 😀"), quote("100% \"q\""), "\"\\ud800\"", "\"AAEC/w==\"", "\"!!notbase64\"",
                            quote("2025-03-04T05:06:07Z"), "1e999", "-0")));
        }
        json.append('}');
        String text = random.nextInt(20) == 0 ? json.substring(0, random.nextInt(json.length())) : json.toString();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", random.nextInt(5) == 0 ? "application/cloudevents+json; charset=utf-8"
                : "application/cloudevents+json"));
        if (random.nextInt(4) == 0) {
            headers.add(Map.entry(pick(ODD_NAMES), pick(ODD_VALUES)));
        }
        return new RawHttp.Request(path, headers, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An id whose tail is odd; its head {@code fz-N-} survives any decoding. */
    private String id(int n) {
        return "fz-" + n + "-" + (random.nextInt(3) == 0 ? pick(ODD_VALUES).replace(",", "") : "x");
    }

    private String type() {
        String tail = random.nextInt(4) == 0 ? pick(ODD_VALUES) : "t";
        return (random.nextInt(5) == 0 ? "reject." : "dev.kumo.fuzz.") + tail;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A JSON string literal of {@code text}. */
    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

}
