package dev.kumo.serving.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.LocalObjectReference;
import dev.kumo.controller.revision.ImageResolutionException;
import dev.kumo.controller.revision.ImageResolver;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Resolves image tags to digests as Knative's revision reconciler does ({@code pkg/reconciler/revision/resolve.go}):
 * an image given by digest is kept; one in a registry of {@code registries-skipping-tag-resolving} keeps its tag;
 * any other is asked of its registry ({@link RegistryClient}) with the credentials of the Revision's
 * {@code imagePullSecrets}, and answered as {@code REPOSITORY@sha256:…}. Only Revisions a container runtime runs
 * need their images: for any other (a host process, or a runtime that is not on) nothing is asked. Concurrent asks for one image with the same secrets share one
 * request; answers are not kept, so every new Revision resolves anew.
 */
public final class ImageDigests implements ImageResolver, AutoCloseable {

    /** Knative's default {@code registries-skipping-tag-resolving}: registries of images built on the machine. */
    public static final Set<String> KNATIVE_SKIPPED_REGISTRIES = Set.of("kind.local", "ko.local", "dev.local",
            "localhost");

    /** How long one request to a registry or its token service may take. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private record Ask(String image, String namespace, List<String> secrets) {
    }

    private final Set<String> skippedRegistries;
    private final Predicate<Revision> runsImages;
    private final BiFunction<String, String, Optional<ObjectNode>> secrets;
    private final HttpClient http;
    private final RegistryClient registry;
    private final Executor executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("image-digest-", 0).factory());
    private final Map<Ask, CompletableFuture<Optional<String>>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param skippedRegistries registries whose tags are kept ({@code host} or {@code host:port} as in the image)
     * @param runsImages whether a Revision's images are run (true where the container runtime runs it)
     * @param secrets reads a Secret by namespace and name
     */
    public ImageDigests(Set<String> skippedRegistries, Predicate<Revision> runsImages,
            BiFunction<String, String, Optional<ObjectNode>> secrets) {
        this(skippedRegistries, runsImages, secrets, REQUEST_TIMEOUT);
    }

    ImageDigests(Set<String> skippedRegistries, Predicate<Revision> runsImages,
            BiFunction<String, String, Optional<ObjectNode>> secrets, Duration requestTimeout) {
        this.skippedRegistries = Set.copyOf(skippedRegistries);
        this.runsImages = runsImages;
        this.secrets = secrets;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.registry = new RegistryClient(http, requestTimeout);
    }

    @Override
    public CompletableFuture<Optional<String>> digest(Revision revision, Container container) {
        String image = container.image();
        if (image == null || image.isEmpty() || !runsImages.test(revision)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        ImageReference reference;
        try {
            reference = ImageReference.parse(image);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new ImageResolutionException(e.getMessage(), e));
        }
        if (reference.digest().isPresent()) {
            return CompletableFuture.completedFuture(Optional.of(image));
        }
        if (skippedRegistries.contains(reference.registry())) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Ask ask = new Ask(image, revision.metadata().namespace(), secretNames(revision));
        CompletableFuture<Optional<String>> answer = inFlight.computeIfAbsent(ask, key -> CompletableFuture.supplyAsync(
                () -> Optional.of(reference.name() + "@" + registry.digest(reference,
                        credentials(key).forRegistry(reference.registry()))), executor));
        // Outside computeIfAbsent: an answer already in would run this at once, inside the map's update.
        answer.whenComplete((digest, error) -> inFlight.remove(ask, answer));
        return answer;
    }

    /** The credentials in the Revision's pull secrets; a missing one fails resolution, as Knative's k8schain does. */
    private RegistryCredentials credentials(Ask ask) {
        if (ask.secrets().isEmpty()) {
            return RegistryCredentials.NONE;
        }
        List<JsonNode> found = new ArrayList<>();
        for (String name : ask.secrets()) {
            found.add(secrets.apply(ask.namespace(), name).orElseThrow(() -> new ImageResolutionException(
                    "imagePullSecrets: secret \"" + name + "\" not found in namespace " + ask.namespace())));
        }
        try {
            return RegistryCredentials.of(found);
        } catch (IllegalArgumentException e) {
            throw new ImageResolutionException(e.getMessage(), e);
        }
    }

    /** Stops asking registries: requests under way end, the HTTP client's connections close. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    private static List<String> secretNames(Revision revision) {
        List<LocalObjectReference> references = revision.spec().imagePullSecrets();
        return references == null ? List.of() : references.stream().map(LocalObjectReference::name)
                .filter(name -> name != null && !name.isEmpty()).toList();
    }
}
