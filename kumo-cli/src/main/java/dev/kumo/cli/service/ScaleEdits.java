package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.serving.autoscaling.AnnotationKey;
import dev.kumo.api.serving.autoscaling.AutoscalingKeys;
import dev.kumo.cli.service.ScaleSettings.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the scale flags as kn does: {@code autoscaling.knative.dev/*} annotations of the revision template only
 * (Knative refuses them on the Service), under the current spelling of each key (an older spelling of the same
 * key, such as {@code minScale}, is replaced rather than left to clash with it). A flag and an
 * {@code --annotation} for the same key, and a minimum above the maximum, are refused before anything is sent.
 */
final class ScaleEdits {

    private ScaleEdits() {
    }

    /** Applies the flags to {@code templateMeta}'s annotations; {@code annotationEdits} are the --annotation values. */
    static void apply(ObjectNode templateMeta, ScaleOptions flags, List<String> annotationEdits) {
        List<Setting> settings = ScaleSettings.of(flags);
        if (settings.isEmpty()) {
            return;
        }
        refuseDoubles(settings, annotationEdits);
        ObjectNode annotations = templateMeta.withObjectProperty("annotations");
        for (Setting setting : settings) {
            setting.key().alternates().forEach(annotations::remove);
            annotations.put(setting.key().key(), setting.value());
        }
        checkBounds(settings, map(annotations));
    }

    /** Whether an {@code --annotation} edit sets an autoscaling annotation, which belongs on the template only. */
    static boolean setsAutoscaling(KeyValueEdits.Edit edit) {
        return !edit.remove() && edit.key().startsWith(AutoscalingKeys.GROUP + "/");
    }

    private static void refuseDoubles(List<Setting> settings, List<String> annotationEdits) {
        for (String text : annotationEdits) {
            KeyValueEdits.Edit edit = KeyValueEdits.parse(text, "--annotation");
            for (Setting setting : settings) {
                if (setting.key().key().equals(edit.key()) || setting.key().alternates().contains(edit.key())) {
                    throw new InvalidFlag(setting.flag() + " and --annotation " + text + " both set "
                            + setting.key().key() + ": give only one of them");
                }
            }
        }
    }

    /** Knative refuses a max-scale below min-scale (0 is no limit); say so in terms of the flags given. */
    private static void checkBounds(List<Setting> settings, Map<String, String> annotations) {
        Optional<Integer> min = number(AutoscalingKeys.MIN_SCALE, annotations);
        Optional<Integer> max = number(AutoscalingKeys.MAX_SCALE, annotations);
        if (min.isEmpty() || max.isEmpty() || max.get() == 0 || max.get() >= min.get()) {
            return;
        }
        Optional<Setting> maxFlag = flagFor(AutoscalingKeys.MAX_SCALE, settings);
        Optional<Setting> minFlag = flagFor(AutoscalingKeys.MIN_SCALE, settings);
        if (maxFlag.isPresent()) {
            throw new InvalidFlag("invalid " + maxFlag.get().flag() + " '" + maxFlag.get().given() + "': the maximum "
                    + max.get() + " is below the minimum " + min.get() + (minFlag.isPresent() ? "" : " the Service "
                    + "already has") + "; want a maximum of at least " + min.get() + ", or 0 for no limit");
        }
        minFlag.ifPresent(flag -> {
            throw new InvalidFlag("invalid " + flag.flag() + " '" + flag.given() + "': the minimum " + min.get()
                    + " is above the maximum " + max.get() + " the Service already has; lower it, or raise the "
                    + "maximum with --scale-max (0: no limit)");
        });
    }

    private static Optional<Setting> flagFor(AnnotationKey key, List<Setting> settings) {
        return settings.stream().filter(s -> s.key().equals(key)).reduce((first, second) -> second);
    }

    private static Optional<Integer> number(AnnotationKey key, Map<String, String> annotations) {
        try {
            return key.lookup(annotations).map(found -> Integer.parseInt(found.value()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> map(ObjectNode annotations) {
        Map<String, String> map = new LinkedHashMap<>();
        annotations.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
