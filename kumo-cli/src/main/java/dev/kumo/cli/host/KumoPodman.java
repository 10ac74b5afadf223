package dev.kumo.cli.host;

import dev.kumo.common.podman.ContainersConf;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The podman CLI run as Kumo's podman service runs: with the containers.conf Kumo writes ({@link ContainersConf}),
 * which podman reads alone when {@code CONTAINERS_CONF} names it, so it sees the same image storage and settings.
 */
public final class KumoPodman {

    private final Machine machine;
    private final Path podman;
    private final Path conf;

    private KumoPodman(Machine machine, Path podman, Path conf) {
        this.machine = machine;
        this.podman = podman;
        this.conf = conf;
    }

    /** Podman at {@code podman}, its containers.conf written in the machine's scratch directory. */
    public static KumoPodman on(Machine machine, Path podman) {
        return new KumoPodman(machine, podman, ContainersConf.write(machine.scratch()));
    }

    /** Runs {@code podman ARGS…} for at most {@code limit}. */
    public Machine.Run run(Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of(podman.toString()));
        command.addAll(List.of(args));
        return machine.run(command, Map.of("CONTAINERS_CONF", conf.toString()), limit);
    }
}
