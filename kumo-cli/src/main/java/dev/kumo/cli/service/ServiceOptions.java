package dev.kumo.cli.service;

import dev.kumo.cli.base.NextWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags of {@code service create|update|apply} that shape the Service, as kn names them. */
public final class ServiceOptions {

    @Option(names = "--image", paramLabel = "IMAGE", description = "Container image (optional for Kumo's process "
            + "runtime, which runs --cmd).")
    String image;

    @Option(names = "--cmd", paramLabel = "CMD", description = "The command to run, one word per flag: --cmd python3 "
            + "(repeat for more words; arguments go in --arg). Replaces the command on update.")
    List<String> command = new ArrayList<>();

    @Option(names = "--arg", paramLabel = "ARG", parameterConsumer = NextWord.class,
            description = "An argument of the command (repeatable, in order; one starting with - is taken as is). "
            + "Replaces the arguments on update.")
    List<String> args = new ArrayList<>();

    @Option(names = "--working-dir", paramLabel = "DIR", description = "The container's working directory. For a "
            + "process container (no --image) a relative path is taken from the directory kumo runs in.")
    String workingDir;

    @Option(names = {"-e", "--env"}, paramLabel = "NAME=value", description = "Set an environment variable; "
            + "NAME- removes it (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "Set the environment variables of a file of "
            + "NAME=value lines (# comments and blank lines skipped); -e flags come after it.")
    String envFile;

    @Option(names = "--probe-readiness", paramLabel = "SPEC", description = "The readiness probe: "
            + "http:HOST:PORT:PATH (or https:), tcp:HOST:PORT, exec:CMD[,ARG...]; host and port may be empty; - "
            + "removes it.")
    String readinessProbe;

    @Option(names = "--probe-readiness-opts", paramLabel = "OPTS", description = "Options of the readiness probe: "
            + "InitialDelaySeconds=N,PeriodSeconds=N,TimeoutSeconds=N,SuccessThreshold=N,FailureThreshold=N.")
    String readinessOpts;

    @Option(names = "--probe-liveness", paramLabel = "SPEC", description = "The liveness probe, as "
            + "--probe-readiness.")
    String livenessProbe;

    @Option(names = "--probe-liveness-opts", paramLabel = "OPTS", description = "Options of the liveness probe, as "
            + "--probe-readiness-opts.")
    String livenessOpts;

    @Option(names = "--env-from", paramLabel = "cm:NAME|secret:NAME", description = "Add all keys of a ConfigMap or "
            + "Secret as environment variables; a trailing - removes the source (repeatable).")
    List<String> envFrom = new ArrayList<>();

    @Option(names = {"-p", "--port"}, paramLabel = "[NAME:]PORT", description = "The port the container listens "
            + "on (PORT inside it); NAME h2c for HTTP/2 without TLS, or http1: --port h2c:8080, --port 8080.")
    String port;

    @Option(names = "--mount", paramLabel = "PATH=SOURCE", description = "Mount a ConfigMap (cm:NAME or "
            + "config-map:NAME), a Secret (secret:NAME or sc:NAME), an emptyDir (ed:NAME or emptyDir:NAME), a "
            + "PersistentVolumeClaim (pvc:CLAIM) or a volume declared with --volume (its bare name) at PATH; add "
            + "/SUBPATH after the name to mount a path inside it, and :readOnly=true|false (ConfigMaps and Secrets are "
            + "read-only by default): --mount /etc/app=cm:settings, --mount /tmp/work=ed:scratch. PATH- unmounts "
            + "(and removes the volume the mount declared). Repeatable.")
    List<String> mounts = new ArrayList<>();

    @Option(names = "--volume", paramLabel = "NAME=SOURCE", description = "Declare a volume from a ConfigMap "
            + "(cm:NAME), a Secret (secret:NAME or sc:NAME), an emptyDir (ed:NAME, optionally "
            + "ed:NAME:type=Memory,size=64Mi) or a PersistentVolumeClaim (pvc:CLAIM), to mount with --mount "
            + "PATH=NAME. NAME- removes it. Repeatable.")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--limit", split = ",", paramLabel = "RESOURCE=QUANTITY", description = "Resource limits of the "
            + "container: --limit cpu=500m,memory=128Mi; RESOURCE- removes one (repeatable or comma-separated).")
    List<String> limits = new ArrayList<>();

    @Option(names = "--request", split = ",", paramLabel = "RESOURCE=QUANTITY", description = "Resource requests of "
            + "the container: --request cpu=100m,memory=64Mi; RESOURCE- removes one (repeatable or comma-separated).")
    List<String> requests = new ArrayList<>();

    @Option(names = "--user", paramLabel = "UID", description = "The user ID the container runs as (e.g. 1001); "
            + "sets its securityContext to runAsUser UID.")
    Long user;

    @Option(names = "--pull-secret", paramLabel = "SECRET", description = "The Secret to pull the image with; an "
            + "empty value (\"\") clears it.")
    String pullSecret;

    @Option(names = "--pull-policy", paramLabel = "POLICY", description = "Image pull policy: Always, Never or "
            + "IfNotPresent (case insensitive).")
    String pullPolicy;

    @Option(names = "--service-account", paramLabel = "NAME", description = "The service account of the revision; "
            + "an empty value (\"\") clears it.")
    String serviceAccount;

    @Option(names = "--concurrency-limit", paramLabel = "N", description = "Requests one instance takes at once "
            + "(0: no limit).")
    Integer concurrencyLimit;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Request timeout of the revision.")
    Integer timeoutSeconds;

    @Mixin
    ScaleOptions scale = new ScaleOptions();

    @Option(names = {"-a", "--annotation"}, paramLabel = "KEY=value", description = "Set an annotation on the "
            + "Service and its revision template (autoscaling.knative.dev/* ones on the template only, where "
            + "Knative reads them); KEY- removes it (repeatable).")
    List<String> annotations = new ArrayList<>();

    @Option(names = "--annotation-service", paramLabel = "KEY=value", description = "Set an annotation on the "
            + "Service only; KEY- removes it (repeatable).")
    List<String> serviceAnnotations = new ArrayList<>();

    @Option(names = "--annotation-revision", paramLabel = "KEY=value", description = "Set an annotation on the "
            + "revision template only; KEY- removes it (repeatable).")
    List<String> revisionAnnotations = new ArrayList<>();

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=value", description = "Set a label on the Service and its "
            + "revision template; KEY- removes it (repeatable).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--cluster-local", negatable = true, description = "Serve the Service only to this machine's "
            + "workloads, at NAME.NAMESPACE.svc.cluster.local and its address, not at its public URL (the label "
            + "networking.knative.dev/visibility=cluster-local); --no-cluster-local makes it public again.")
    Boolean clusterLocal;

    @Option(names = "--revision-name", paramLabel = "NAME", description = "Name of the new revision, prefixed with "
            + "the Service's name and a dash if it is not; may use {{.Service}}, {{.Generation}} and "
            + "{{.Random 5}}.")
    String revisionName;

    @Option(names = "--tag", split = ",", paramLabel = "REV=TAG", description = "Tag a revision (or @latest) "
            + "so that it is also served at TAG-NAME.NAMESPACE... (repeatable or comma-separated).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--untag", split = ",", paramLabel = "TAG", description = "Remove a tag (repeatable or "
            + "comma-separated).")
    List<String> untags = new ArrayList<>();

    @Option(names = "--traffic", split = ",", paramLabel = "REF=PERCENT", description = "Traffic for a revision, "
            + "tag or @latest (repeatable or comma-separated); when the percents sum to less than 100, the one "
            + "remaining target with traffic gets the rest.")
    List<String> traffic = new ArrayList<>();

    Optional<String> image() {
        return Optional.ofNullable(image);
    }

    Optional<String> workingDir() {
        return Optional.ofNullable(workingDir);
    }

    Optional<String> port() {
        return Optional.ofNullable(port);
    }

    Optional<Long> user() {
        return Optional.ofNullable(user);
    }

    Optional<String> pullSecret() {
        return Optional.ofNullable(pullSecret);
    }

    Optional<String> pullPolicy() {
        return Optional.ofNullable(pullPolicy);
    }

    Optional<String> serviceAccount() {
        return Optional.ofNullable(serviceAccount);
    }

    Optional<Integer> concurrencyLimit() {
        return Optional.ofNullable(concurrencyLimit);
    }

    Optional<Integer> timeoutSeconds() {
        return Optional.ofNullable(timeoutSeconds);
    }

    Optional<String> revisionName() {
        return Optional.ofNullable(revisionName);
    }

    /** Whether a traffic flag was given, so that {@code spec.traffic} is to be written. */
    boolean editsTraffic() {
        return !tags.isEmpty() || !untags.isEmpty() || !traffic.isEmpty();
    }
}
