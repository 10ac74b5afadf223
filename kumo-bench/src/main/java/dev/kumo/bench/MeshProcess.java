package dev.kumo.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kumo-eventing's event mesh in a child JVM ({@code dev.kumo.eventing.MeshMain}): broker {@code default/b} with one
 * Trigger delivering everything to a subscriber, channel {@code default/c} with one subscriber, and a three-step
 * Sequence's channels {@code default/s0..s2}; its log in a given file, fsync on.
 */
final class MeshProcess implements AutoCloseable {

    private final ChildJvm jvm;
    private final int port;

    private MeshProcess(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /** Starts the mesh and waits until it listens. */
    static MeshProcess start(Path database, URI subscriber) throws IOException, InterruptedException {
        ChildJvm jvm = ChildJvm.start("dev.kumo.eventing.MeshMain", List.of(database.toString(),
                subscriber.toString()));
        List<String> seen = new ArrayList<>();
        for (Optional<String> line = jvm.nextLine(); line.isPresent(); line = jvm.nextLine()) {
            if (line.get().startsWith("port ")) {
                jvm.drainInBackground();
                return new MeshProcess(jvm, Integer.parseInt(line.get().substring("port ".length())));
            }
            seen.add(line.get());
        }
        throw new IOException("the event mesh stopped before it listened (" + jvm.exitStatus() + "): "
                + String.join("\n", seen));
    }

    /** The broker's ingress URL. */
    URI brokerUrl() {
        return URI.create("http://127.0.0.1:" + port + "/default/b");
    }

    /** Channel {@code default/c}'s ingress URL (one subscriber: the same subscriber). */
    URI channelUrl() {
        return URI.create("http://127.0.0.1:" + port + "/channels/default/c");
    }

    /** The first channel of the three-step Sequence's wiring, whose last reply goes to the subscriber. */
    URI sequenceUrl() {
        return URI.create("http://127.0.0.1:" + port + "/channels/default/s0");
    }

    /** The CPU time the mesh has used so far. */
    Duration cpuTime() {
        return jvm.cpuTime();
    }

    /** The CPU time its JIT compiler threads have used so far. */
    Duration jitCpuTime() throws IOException {
        return jvm.jitCpuTime();
    }

    double rssMiB() throws IOException {
        return jvm.rssMiB();
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
