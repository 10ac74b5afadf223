package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.ArrayList;
import java.util.List;

/** What {@code kumo sequence} and {@code kumo parallel} share: the {@code --branch} syntax and the flow drawn as text. */
final class FlowCommands {

    private FlowCommands() {
    }

    /** {@code --step SINK}s as a Sequence's {@code spec.steps} (each a Destination written inline). */
    static ArrayNode steps(List<String> sinks) {
        ArrayNode steps = Json.mapper().createArrayNode();
        sinks.forEach(sink -> steps.add(Sink.parse(sink, "--step")));
        return steps;
    }

    /** {@code --branch SUBSCRIBER[,filter=SINK][,reply=SINK]}s as a Parallel's {@code spec.branches}. */
    static ArrayNode branches(List<String> values) {
        ArrayNode branches = Json.mapper().createArrayNode();
        for (String value : values) {
            String[] parts = value.split(",", -1);
            ObjectNode branch = branches.addObject();
            branch.set("subscriber", Sink.parse(parts[0], "--branch"));
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i];
                if (part.startsWith("filter=")) {
                    branch.set("filter", Sink.parse(part.substring("filter=".length()), "--branch filter"));
                } else if (part.startsWith("reply=")) {
                    branch.set("reply", Sink.parse(part.substring("reply=".length()), "--branch reply"));
                } else {
                    throw new BadFlag("invalid --branch '" + value + "': want SUBSCRIBER[,filter=SINK][,reply=SINK], "
                            + "e.g. ksvc:one,filter=ksvc:only-orders");
                }
            }
        }
        return branches;
    }

    /** A Sequence as text: its address, each step in order, then where the last reply goes. */
    static List<String> sequenceFlow(JsonNode sequence) {
        List<String> lines = new ArrayList<>();
        lines.add("● " + sequence.at("/metadata/name").asText() + " " + address(sequence));
        JsonNode steps = sequence.at("/spec/steps");
        for (int i = 0; i < steps.size(); i++) {
            lines.add("│  channel " + sequence.at("/metadata/name").asText() + "-kn-sequence-" + i);
            lines.add("├─▶ step " + i + ": " + Sink.describe(steps.get(i)));
        }
        JsonNode reply = sequence.at("/spec/reply");
        lines.add("└─▶ reply: " + (reply.isMissingNode() ? "(none: the last step's reply is dropped)"
                : Sink.describe(reply)));
        return lines;
    }

    /** A Parallel as text: its address, then each branch's filter, subscriber and reply. */
    static List<String> parallelFlow(JsonNode parallel) {
        List<String> lines = new ArrayList<>();
        lines.add("● " + parallel.at("/metadata/name").asText() + " " + address(parallel));
        JsonNode branches = parallel.at("/spec/branches");
        JsonNode reply = parallel.at("/spec/reply");
        for (int i = 0; i < branches.size(); i++) {
            JsonNode branch = branches.get(i);
            String filter = branch.has("filter") ? "filter " + Sink.describe(branch.path("filter")) + " ─▶ "
                    : "(every event) ─▶ ";
            JsonNode to = branch.has("reply") ? branch.path("reply") : reply;
            lines.add((i + 1 < branches.size() ? "├" : "└") + "─▶ branch " + i + ": " + filter
                    + Sink.describe(branch.path("subscriber")) + (to.isMissingNode() ? ""
                    : " ─▶ reply " + Sink.describe(to)));
        }
        return lines;
    }

    private static String address(JsonNode flow) {
        String url = flow.at("/status/address/url").asText("");
        return url.isEmpty() ? "(no address yet)" : url;
    }
}
