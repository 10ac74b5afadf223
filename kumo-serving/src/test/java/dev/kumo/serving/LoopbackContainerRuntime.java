package dev.kumo.serving;

import com.sun.net.httpserver.HttpServer;
import dev.kumo.runtime.spi.ContainerHealth;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.SidecarSpec;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the container runtime until podman's merges: it runs image workloads only, recording each spec, and
 * each instance is a real HTTP server on 127.0.0.1 (an ephemeral port) answering {@code container IMAGE
 * (REVISION)}; it goes Starting, then Ready at that address, and its listeners hear both, as a real runtime's do.
 * Sidecars are not run: one whose command is {@code false} is reported as exited with code 1 and restarted once
 * (what {@code false} does), every other one as ready.
 */
final class LoopbackContainerRuntime extends ListenedRuntime {

    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private record Running(Instance instance, HttpServer server) {
    }

    @Override
    public Optional<String> unsupported(WorkloadSpec spec) {
        return spec instanceof ImageWorkload ? Optional.empty()
                : Optional.of("the container runtime runs images; this container has none");
    }

    @Override
    public Instance start(WorkloadSpec spec) {
        ImageWorkload image = (ImageWorkload) spec;
        String id = spec.revision().revision() + "-c" + ids.incrementAndGet();
        Instant launched = Instant.now();
        Instance starting = new Instance(id, spec.revision(), new InstanceState.Starting(launched, Optional.empty()),
                0);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + id, e);
        }
        byte[] body = ("container " + image.image() + " (" + spec.revision().revision() + ")\n")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        recordStart(spec);
        running.put(id, new Running(starting, server));
        tell(starting);
        Instance ready = new Instance(id, spec.revision(), new InstanceState.Ready(InstanceAddress.loopback(
                server.getAddress().getPort()), Instant.now(), launched), 0, Optional.empty(), containers(image));
        running.put(id, new Running(ready, server));
        tell(ready);
        return starting;
    }

    private static List<ContainerHealth> containers(ImageWorkload image) {
        List<ContainerHealth> containers = new ArrayList<>();
        containers.add(new ContainerHealth(image.containerName(), true, 0, Optional.empty()));
        for (SidecarSpec sidecar : image.sidecars()) {
            containers.add(sidecar.command().equals(List.of("false"))
                    ? new ContainerHealth(sidecar.name(), false, 1, Optional.of(new Termination("Error",
                            OptionalInt.of(1), List.of(), Instant.now())))
                    : new ContainerHealth(sidecar.name(), true, 0, Optional.empty()));
        }
        return containers;
    }

    @Override
    public CompletableFuture<Instance> stop(String instanceId) {
        Running gone = running.remove(instanceId);
        if (gone == null) {
            return CompletableFuture.completedFuture(null);
        }
        gone.server().stop(0);
        Instance stopped = new Instance(instanceId, gone.instance().revision(), new InstanceState.Stopped(
                Instant.now()), 0);
        tell(stopped);
        return CompletableFuture.completedFuture(stopped);
    }

    @Override
    public Optional<Instance> instance(String instanceId) {
        return Optional.ofNullable(running.get(instanceId)).map(Running::instance);
    }

    @Override
    public List<Instance> instances() {
        return running.values().stream().map(Running::instance).toList();
    }
}
