package dev.kumo.bench;

import java.util.List;

/**
 * A sample image as the cold-start benchmark runs it ({@code samples/images/build.sh} builds it into podman's
 * storage): as a Kumo Service with that image and no command, created at zero, and as the container runtime's own
 * starts it is compared with. {@code name} is what {@code --workloads=} takes.
 */
record BenchImage(String name, String image) {

    /** busybox httpd (Knative's helloworld in busybox: GET / answers "Hello World!"). */
    static BenchImage busybox() {
        return new BenchImage("busybox-image", "dev.local/kumo-samples/helloworld");
    }

    /** Knative's helloworld in Java on a jlinked JRE. */
    static BenchImage java() {
        return new BenchImage("java-image", "dev.local/kumo-samples/hello-java");
    }

    /**
     * The container variant: Kumo's cold start of the image from its warm pod, against podman's own start of a
     * container created ahead in a running pod (a warm pod, whose container Kumo also initialises ahead) and against
     * {@code podman run}.
     */
    ColdStartVariant variant(PodmanBaselines podman) {
        return new ColdStartVariant("container", this::service, podman::awaitWarmPods,
                List.of(podman.precreatedStart(image), podman.run(image)));
    }

    /** A Knative Service running the image (its own command, PORT 8080), created at zero. */
    String service(String serviceName) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\""
                + serviceName + "\"},\"spec\":{\"template\":{\"metadata\":{\"annotations\":{"
                + "\"autoscaling.knative.dev/initial-scale\":\"0\"}},\"spec\":{\"containers\":[{\"image\":\""
                + image + "\"}]}}}}";
    }
}
