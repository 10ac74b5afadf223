package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kn's {@code --untag}, {@code --tag} and {@code --traffic}, applied in that order to a Service's
 * {@code spec.traffic} (no block means all traffic to {@code @latest}). References are {@code @latest}, a tag or
 * a revision name; targets named by no {@code --traffic} lose their traffic, except that when the percents given
 * sum to less than 100 the one remaining target with traffic keeps the rest.
 */
final class TrafficEdit {

    static final String LATEST = "@latest";

    /** One traffic target: a revision by name, or the latest ready one when {@code revision} is empty. */
    record Target(String revision, String tag, long percent) {

        boolean latest() {
            return revision.isEmpty();
        }

        boolean refersTo(String reference) {
            return latest() ? reference.equals(LATEST) : reference.equals(revision);
        }
    }

    private TrafficEdit() {
    }

    /** The new {@code spec.traffic} for the current one and the flags. */
    static ArrayNode apply(JsonNode current, List<String> untags, List<String> tags, List<String> traffic) {
        List<Target> targets = read(current);
        untags.forEach(tag -> untag(targets, tag));
        tags.forEach(tag -> tag(targets, tag));
        if (!traffic.isEmpty()) {
            split(targets, percents(traffic));
        }
        return write(targets);
    }

    static List<Target> read(JsonNode traffic) {
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : traffic) {
            boolean latest = t.path("latestRevision").asBoolean(t.path("revisionName").asText("").isEmpty());
            targets.add(new Target(latest ? "" : t.path("revisionName").asText(), t.path("tag").asText(""),
                    t.path("percent").asLong(0)));
        }
        if (targets.isEmpty()) {
            targets.add(new Target("", "", 100));
        }
        return targets;
    }

    static ArrayNode write(List<Target> targets) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Target target : targets) {
            var node = array.addObject();
            if (!target.tag().isEmpty()) {
                node.put("tag", target.tag());
            }
            if (target.latest()) {
                node.put("latestRevision", true);
            } else {
                node.put("revisionName", target.revision()).put("latestRevision", false);
            }
            node.put("percent", target.percent());
        }
        return array;
    }

    private static void untag(List<Target> targets, String tag) {
        int index = indexOfTag(targets, tag).orElseThrow(() -> new InvalidFlag("--untag " + tag
                + ": no traffic target has the tag '" + tag + "'"));
        Target target = targets.get(index);
        if (target.percent() == 0) {
            targets.remove(index);
        } else {
            targets.set(index, new Target(target.revision(), "", target.percent()));
        }
    }

    private static void tag(List<Target> targets, String edit) {
        KeyValueEdits.Edit parsed = KeyValueEdits.parse(edit, "--tag");
        if (parsed.remove() || parsed.value().isEmpty()) {
            throw new InvalidFlag("invalid --tag '" + edit + "': want REVISION=TAG or @latest=TAG");
        }
        String reference = parsed.key();
        String tag = parsed.value();
        if (indexOfTag(targets, tag).isPresent()) {
            throw new InvalidFlag("--tag " + edit + ": the tag '" + tag + "' is already in use; remove it first "
                    + "with --untag " + tag);
        }
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            if (target.refersTo(reference) && target.tag().isEmpty()) {
                targets.set(i, new Target(target.revision(), tag, target.percent()));
                return;
            }
        }
        targets.add(new Target(reference.equals(LATEST) ? "" : reference, tag, 0));
    }

    private static Map<String, Long> percents(List<String> traffic) {
        Map<String, Long> percents = new LinkedHashMap<>();
        for (String edit : traffic) {
            int equals = edit.lastIndexOf('=');
            String reference = equals <= 0 ? "" : edit.substring(0, equals);
            long percent;
            try {
                percent = Long.parseLong(edit.substring(equals + 1).replaceAll("%$", ""));
            } catch (NumberFormatException e) {
                percent = -1;
            }
            if (reference.isEmpty() || percent < 0 || percent > 100) {
                throw new InvalidFlag("invalid --traffic '" + edit + "': want REVISION|TAG|@latest=PERCENT, "
                        + "PERCENT from 0 to 100");
            }
            if (percents.put(reference, percent) != null) {
                throw new InvalidFlag("--traffic names '" + reference + "' more than once");
            }
        }
        return percents;
    }

    private static void split(List<Target> targets, Map<String, Long> percents) {
        long given = percents.values().stream().mapToLong(Long::longValue).sum();
        if (given > 100) {
            throw new InvalidFlag("--traffic percents sum to " + given + ", more than 100");
        }
        List<Integer> named = new ArrayList<>();
        percents.forEach((reference, percent) -> {
            int index = indexOfTag(targets, reference)
                    .or(() -> indexOf(targets, reference, true))
                    .or(() -> indexOf(targets, reference, false))
                    .orElseGet(() -> {
                        targets.add(new Target(reference.equals(LATEST) ? "" : reference, "", 0));
                        return targets.size() - 1;
                    });
            if (named.contains(index)) {
                throw new InvalidFlag("--traffic names the same target twice ('" + reference + "')");
            }
            named.add(index);
            Target target = targets.get(index);
            targets.set(index, new Target(target.revision(), target.tag(), percent));
        });
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!named.contains(i) && targets.get(i).percent() > 0) {
                remaining.add(i);
            }
        }
        if (given < 100 && remaining.size() != 1) {
            throw new InvalidFlag("--traffic percents sum to " + given + ", not 100, and there is "
                    + (remaining.isEmpty() ? "no other target" : "more than one other target")
                    + " to give the rest to; give every target's percent");
        }
        for (int i = targets.size() - 1; i >= 0; i--) {
            if (named.contains(i)) {
                continue;
            }
            Target target = targets.get(i);
            long percent = given < 100 && remaining.getFirst() == i ? 100 - given : 0;
            if (percent == 0 && target.tag().isEmpty()) {
                targets.remove(i);
            } else {
                targets.set(i, new Target(target.revision(), target.tag(), percent));
            }
        }
    }

    private static Optional<Integer> indexOfTag(List<Target> targets, String tag) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).tag().equals(tag)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> indexOf(List<Target> targets, String reference, boolean untagged) {
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            if (target.refersTo(reference) && target.tag().isEmpty() == untagged) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
