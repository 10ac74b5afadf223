package dev.kumo.serving.pods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.core.PodKind;
import dev.kumo.runtime.spi.ContainerHealth;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.serving.deployments.DeploymentInstances;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Pod showing one instance (pure): name, labels and owner from its Revision, {@code spec.containers} as the
 * Revision declares them (the serving container's port the instance's own), and a status in the kubelet's terms —
 * phase, conditions, one {@code containerStatuses} entry per container with state, restarts and last termination.
 */
final class PodObjects {

    static final String NODE_NAME = "kumo";
    private static final String LOOPBACK = "127.0.0.1";

    private PodObjects() {
    }

    /** The Pod's name for an instance. */
    static String name(Instance instance) {
        return PodNames.of(instance.revision(), instance.id(), 0);
    }

    /**
     * The Pod of an instance of {@code deployment}'s template (as stored): its containers, the template's labels plus
     * {@code pod-template-hash}, a controller ownerReference to its ReplicaSet (whose template it runs) as
     * Kubernetes gives it, or to the Deployment while the ReplicaSet is not written yet.
     */
    static ObjectNode deploymentPod(Instance instance, ObjectNode deployment, Optional<ObjectNode> replicaSet,
            Instant startTime) {
        ObjectNode owner = replicaSet.orElse(deployment);
        ObjectNode template = Json.object();
        template.set("spec", owner.path("spec").path("template").path("spec").deepCopy());
        ObjectNode pod = pod(instance, Optional.of(template), startTime);
        ObjectNode metadata = (ObjectNode) pod.get("metadata");
        ObjectNode labels = metadata.putObject("labels");
        owner.path("spec").path("template").path("metadata").path("labels").properties()
                .forEach(label -> labels.set(label.getKey(), label.getValue()));
        DeploymentInstances.hash(instance.revision())
                .ifPresent(hash -> labels.put(DeploymentInstances.TEMPLATE_HASH_LABEL, hash));
        metadata.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1")
                .put("kind", replicaSet.isPresent() ? "ReplicaSet" : "Deployment")
                .put("name", owner.path("metadata").path("name").asText())
                .put("uid", owner.path("metadata").path("uid").asText()).put("controller", true)
                .put("blockOwnerDeletion", true);
        return pod;
    }

    /**
     * The Pod of an instance of a ContainerSource (as stored), as Knative's ContainerSource Deployment makes them: the
     * template's containers and labels plus {@code sources.knative.dev/containerSource: NAME} and
     * {@code sources.knative.dev/source: container-source-controller}, controlled by the source.
     */
    static ObjectNode sourcePod(Instance instance, ObjectNode source, Instant startTime) {
        ObjectNode template = Json.object();
        template.set("spec", source.path("spec").path("template").path("spec").deepCopy());
        ObjectNode pod = pod(instance, Optional.of(template), startTime);
        ObjectNode metadata = (ObjectNode) pod.get("metadata");
        ObjectNode labels = metadata.putObject("labels");
        source.path("spec").path("template").path("metadata").path("labels").properties()
                .forEach(label -> labels.set(label.getKey(), label.getValue()));
        String name = source.path("metadata").path("name").asText();
        labels.put(ContainerSourceInstances.NAME_LABEL, name);
        labels.put(ContainerSourceInstances.SOURCE_LABEL, ContainerSourceInstances.CONTROLLER);
        metadata.putArray("ownerReferences").addObject().put("apiVersion", "sources.knative.dev/v1")
                .put("kind", "ContainerSource").put("name", name)
                .put("uid", source.path("metadata").path("uid").asText()).put("controller", true)
                .put("blockOwnerDeletion", true);
        return pod;
    }

    /**
     * The Pod of {@code instance}, first seen at {@code startTime}; {@code revision} is its owner as stored (absent
     * once deleted: the Pod then has no owner and no containers but the instance's own).
     */
    static ObjectNode pod(Instance instance, Optional<ObjectNode> revision, Instant startTime) {
        ObjectNode pod = Json.object().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata").put("name", name(instance))
                .put("namespace", instance.revision().namespace());
        ObjectNode labels = metadata.putObject("labels");
        String revisionName = instance.revision().revision();
        labels.put("app", revisionName);
        labels.put("serving.knative.dev/configuration", instance.revision().configuration());
        labels.put("serving.knative.dev/revision", revisionName);
        instance.revision().service().ifPresent(service -> labels.put("serving.knative.dev/service", service));
        revision.map(r -> r.path("metadata").path("uid").asText("")).filter(uid -> !uid.isEmpty()).ifPresent(uid -> {
            labels.put("serving.knative.dev/revisionUID", uid);
            metadata.putArray("ownerReferences").addObject().put("apiVersion", "serving.knative.dev/v1")
                    .put("kind", "Revision").put("name", revisionName).put("uid", uid).put("controller", true)
                    .put("blockOwnerDeletion", true);
        });
        metadata.putObject("annotations").put(PodKind.INSTANCE_ANNOTATION, instance.id());
        ArrayNode containers = containers(revision);
        ObjectNode spec = pod.putObject("spec");
        spec.set("containers", containers);
        spec.put("nodeName", NODE_NAME).put("restartPolicy", "Always");
        JsonNode declared = containers.get(0).path("ports").path(0);
        if (declared.path("containerPort").asInt() > 0) {
            ((ObjectNode) metadata.get("annotations")).put(PodKind.DECLARED_PORT_ANNOTATION,
                    declared.path("containerPort").asText());
        }
        instance.address().ifPresent(address -> {
            ObjectNode serving = (ObjectNode) containers.get(0);
            // The instance's own port stands for the declared one (its name kept for a Service's named targetPort).
            ObjectNode port = serving.putArray("ports").addObject().put("containerPort", address.port());
            if (!declared.path("name").asText("").isEmpty()) {
                port.put("name", declared.path("name").asText());
            }
            port.put("protocol", "TCP");
        });
        pod.set("status", status(instance, containers, revision, startTime));
        return pod;
    }

    /** The names of a Pod's containers, the serving one first. */
    static List<String> containerNames(ObjectNode pod) {
        List<String> names = new ArrayList<>();
        pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private static ArrayNode containers(Optional<ObjectNode> revision) {
        ArrayNode containers = Json.mapper().createArrayNode();
        revision.map(r -> r.path("spec").path("containers")).filter(JsonNode::isArray)
                .ifPresent(declared -> declared.forEach(c -> containers.add(c.deepCopy())));
        if (containers.isEmpty()) {
            containers.addObject();
        }
        for (JsonNode container : containers) {
            if (container.path("name").asText("").isEmpty()) {
                ((ObjectNode) container).put("name", ImageWorkload.DEFAULT_CONTAINER_NAME);
            }
        }
        // Knative's serving container is the one with a port; Kumo's runtimes run it first.
        for (int i = 1; i < containers.size(); i++) {
            if (containers.get(i).has("ports")) {
                containers.insert(0, containers.remove(i));
                break;
            }
        }
        return containers;
    }

    private static ObjectNode status(Instance instance, ArrayNode containers, Optional<ObjectNode> revision,
            Instant startTime) {
        InstanceState state = instance.state();
        ObjectNode status = Json.object();
        status.put("phase", switch (state) {
            case InstanceState.Failed failed -> "Failed";
            case InstanceState.Stopped stopped -> "Succeeded";
            default -> "Running";
        });
        ArrayNode statuses = Json.mapper().createArrayNode();
        boolean allReady = true;
        for (int i = 0; i < containers.size(); i++) {
            JsonNode container = containers.get(i);
            String name = container.path("name").asText();
            ObjectNode entry = containerStatus(instance, name, i == 0, container, revision);
            allReady &= entry.path("ready").asBoolean();
            statuses.add(entry);
        }
        ArrayNode conditions = status.putArray("conditions");
        String ready = allReady ? "True" : "False";
        for (String[] condition : new String[][] {{"PodScheduled", "True"}, {"Initialized", "True"},
                {"ContainersReady", ready}, {"Ready", ready}}) {
            ObjectNode entry = conditions.addObject().put("type", condition[0]).put("status", condition[1]);
            if (condition[1].equals("False")) {
                entry.put("reason", "ContainersNotReady");
            }
        }
        status.put("hostIP", LOOPBACK).put("podIP", LOOPBACK);
        status.putArray("podIPs").addObject().put("ip", LOOPBACK);
        status.put("startTime", timestamp(startTime));
        status.set("containerStatuses", statuses);
        return status;
    }

    private static ObjectNode containerStatus(Instance instance, String name, boolean serving, JsonNode container,
            Optional<ObjectNode> revision) {
        Optional<ContainerHealth> health = instance.containers().stream().filter(c -> c.name().equals(name))
                .findFirst();
        InstanceState state = instance.state();
        boolean ready = health.map(ContainerHealth::ready).orElse(state instanceof InstanceState.Ready);
        int restarts = health.map(ContainerHealth::restarts).orElse(serving ? instance.restarts() : 0);
        Optional<Termination> last = health.isPresent() ? health.get().lastTermination()
                : serving ? instance.lastTermination() : Optional.empty();
        ObjectNode entry = Json.object().put("name", name);
        String image = container.path("image").asText("");
        entry.put("image", image.isEmpty() ? commandLine(container) : image);
        entry.put("imageID", imageId(revision, name).orElse(image));
        entry.put("ready", ready).put("restartCount", restarts);
        entry.put("started", !(state instanceof InstanceState.CrashLoopBackOff) && !state.terminal());
        ObjectNode current = entry.putObject("state");
        switch (state) {
            case InstanceState.Starting starting -> current.putObject("running").put("startedAt",
                    timestamp(starting.since()));
            case InstanceState.Ready running -> current.putObject("running").put("startedAt",
                    timestamp(running.startedAt()));
            case InstanceState.Unhealthy unhealthy -> current.putObject("running").put("startedAt",
                    timestamp(unhealthy.since()));
            case InstanceState.CrashLoopBackOff backOff -> current.putObject("waiting")
                    .put("reason", "CrashLoopBackOff").put("message", "back-off restarting failed container "
                            + name + " until " + timestamp(backOff.nextAttempt()));
            case InstanceState.Failed failed -> terminated(current.putObject("terminated"), failed.termination());
            case InstanceState.Stopped stopped -> current.putObject("terminated").put("reason", "Completed")
                    .put("exitCode", 0).put("finishedAt", timestamp(stopped.at()));
        }
        ObjectNode lastState = entry.putObject("lastState");
        last.ifPresent(termination -> terminated(lastState.putObject("terminated"), termination));
        return entry;
    }

    /** kubelet's reasons: OOMKilled when the kernel killed it for memory, Completed on exit 0, else Error. */
    private static void terminated(ObjectNode terminated, Termination termination) {
        String reason = termination.oomKilled() ? "OOMKilled"
                : termination.exitCode().isPresent() && termination.exitCode().getAsInt() == 0 ? "Completed" : "Error";
        terminated.put("reason", reason).put("message", termination.message());
        termination.exitCode().ifPresent(code -> terminated.put("exitCode", code));
        terminated.put("finishedAt", timestamp(termination.at()));
    }

    private static Optional<String> imageId(Optional<ObjectNode> revision, String container) {
        if (revision.isPresent()) {
            for (JsonNode status : revision.get().path("status").path("containerStatuses")) {
                String digest = status.path("imageDigest").asText("");
                if (container.equals(status.path("name").asText()) && !digest.isEmpty()) {
                    return Optional.of(digest);
                }
            }
        }
        return Optional.empty();
    }

    private static String commandLine(JsonNode container) {
        StringBuilder line = new StringBuilder();
        for (String field : List.of("command", "args")) {
            container.path(field).forEach(part -> line.append(line.isEmpty() ? "" : " ").append(part.asText()));
        }
        return line.toString();
    }

    private static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
