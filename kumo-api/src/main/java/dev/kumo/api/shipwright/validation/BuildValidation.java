package dev.kumo.api.shipwright.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.autoscaling.GoDuration;
import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildSource;
import dev.kumo.api.shipwright.BuildSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Build: a Git source (a URL this machine reaches, or {@code file:///abs/dir}), a ClusterBuildStrategy by name, an
 * output image, a positive Go-duration timeout, retention limits of at least 1, parameters named once.
 */
public final class BuildValidation {

    private BuildValidation() {
    }

    public static List<FieldError> validate(Build value) {
        if (value.spec() == null) {
            return List.of(FieldError.required("spec", "a Build needs spec.source, spec.strategy and spec.output"));
        }
        return validate(value.spec(), "spec");
    }

    /** The errors of {@code spec}, its fields named under {@code path}. */
    public static List<FieldError> validate(BuildSpec spec, String path) {
        List<FieldError> errors = new ArrayList<>();
        source(spec.source(), path + ".source", errors);
        if (spec.strategy() == null || blank(spec.strategy().name())) {
            errors.add(FieldError.required(path + ".strategy.name", "name a built-in strategy: buildah or java"));
        } else if (!BuildSpec.Strategy.CLUSTER_BUILD_STRATEGY.equals(spec.strategy().kind())) {
            errors.add(FieldError.notSupported(path + ".strategy.kind", spec.strategy().kind(),
                    List.of(BuildSpec.Strategy.CLUSTER_BUILD_STRATEGY)));
        }
        output(spec.output(), path + ".output", errors);
        timeout(spec.timeout(), path + ".timeout", errors);
        if (spec.retention() != null) {
            limit(spec.retention().succeededLimit(), path + ".retention.succeededLimit", errors);
            limit(spec.retention().failedLimit(), path + ".retention.failedLimit", errors);
        }
        params(spec.paramValues(), path + ".paramValues", errors);
        return errors;
    }

    private static void source(BuildSource source, String path, List<FieldError> errors) {
        if (source == null) {
            errors.add(FieldError.required(path, "give type: Git and git.url (file:///abs/dir for a directory)"));
            return;
        }
        if (!BuildSource.GIT.equals(source.type())) {
            errors.add(FieldError.notSupported(path + ".type", source.type(), List.of(BuildSource.GIT)));
        }
        if (source.git() == null || blank(source.git().url())) {
            errors.add(FieldError.required(path + ".git.url",
                    "a repository URL, or file:///abs/dir for a directory on this machine"));
        } else {
            String url = source.git().url();
            if (url.startsWith(BuildSource.FILE_SCHEME)) {
                String dir = url.substring(BuildSource.FILE_SCHEME.length());
                if (!dir.startsWith("/")) {
                    errors.add(FieldError.invalid(path + ".git.url", url,
                            "a file URL names an absolute directory: file:///abs/dir"));
                }
            } else if (!url.matches("(https?|ssh|git)://.+|\\w[\\w.-]*@\\w[\\w.-]*:.+")) {
                // The scp form's user and host start with a word character: a leading '-' is read as a flag.
                errors.add(FieldError.invalid(path + ".git.url", url,
                        "not a git URL: use https://…, ssh://…, git@host:path or file:///abs/dir"));
            }
        }
        if (source.contextDir() != null) {
            Path context = Path.of(source.contextDir()).normalize();
            if (context.isAbsolute() || context.startsWith("..")) {
                errors.add(FieldError.invalid(path + ".contextDir", source.contextDir(),
                        "a directory inside the source, relative to its root"));
            }
        }
    }

    /** An image reference with no spaces that podman cannot read as a flag. */
    static void output(BuildSpec.Image output, String path, List<FieldError> errors) {
        if (output == null || blank(output.image())) {
            errors.add(FieldError.required(path + ".image",
                    "the image to build into local storage, e.g. dev.local/hello:latest"));
        } else if (!output.image().equals(output.image().strip()) || output.image().contains(" ")) {
            errors.add(FieldError.invalid(path + ".image", output.image(), "an image reference has no spaces"));
        } else if (output.image().startsWith("-")) {
            // podman would read it as a flag (e.g. --url=unix:///another.sock).
            errors.add(FieldError.invalid(path + ".image", output.image(),
                    "an image reference starts with a registry or a name, never '-'"));
        }
    }

    /** A Go duration above zero, e.g. {@code 10m}. */
    static void timeout(String timeout, String path, List<FieldError> errors) {
        if (timeout == null || timeout.isEmpty()) {
            return;
        }
        Duration parsed = GoDuration.parse(timeout).orElse(Duration.ZERO);
        if (parsed.isZero() || parsed.isNegative()) {
            errors.add(FieldError.invalid(path, timeout, "a Go duration above zero, e.g. 10m or 90s"));
        }
    }

    private static void limit(Integer limit, String path, List<FieldError> errors) {
        if (limit != null && (limit < 1 || limit > 10_000)) {
            errors.add(FieldError.invalid(path, limit, "must be between 1 and 10000"));
        }
    }

    private static void params(List<BuildSpec.ParamValue> params, String path, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < params.size(); i++) {
            String name = params.get(i).name();
            if (blank(name)) {
                errors.add(FieldError.required(path + "[" + i + "].name", "every parameter has a name"));
            } else if (!seen.add(name)) {
                errors.add(FieldError.duplicate(path + "[" + i + "].name", name));
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
