package dev.kumo.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.cli.host.KumoPodman;
import dev.kumo.common.podman.ContainersConf;
import dev.kumo.cli.host.Machine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The doctor's check that podman answers (not the runtime's {@code PodmanService}, which runs Kumo's podman):
 * {@code podman info} run with a containers.conf as Kumo writes it (podman reads only that file when
 * {@code CONTAINERS_CONF} names it), or {@code GET /libpod/info} on the socket of {@code --podman-socket}.
 */
final class PodmanInfoCheck {

    static final String NAME = "podman service";

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private PodmanInfoCheck() {
    }

    /** Runs {@code podman info --format json} with Kumo's containers.conf. */
    static Check ask(Machine machine, Path podman) {
        Machine.Run info = KumoPodman.on(machine, podman).run(LIMIT, "info", "--format", "json");
        String where = "podman info, with Kumo's containers.conf";
        if (!info.succeeded()) {
            return failed(where, info.firstLines(3), "run 'CONTAINERS_CONF=FILE podman info' with FILE holding "
                    + ContainersConf.SETTINGS.replace("\n", "\\n") + " to see the whole error");
        }
        return answered(where, info.out());
    }

    /** Asks the podman service on {@code socket}. */
    static Check ask(Path socket) {
        String where = "unix://" + socket;
        try {
            return answered(where, PodmanSocket.get(socket, "/v4.0.0/libpod/info", LIMIT));
        } catch (IOException e) {
            return failed(where, e.getMessage(), "start it: CONTAINERS_CONF=FILE podman system service --time=0 "
                    + where + " (or leave out --podman-socket: kumo server then starts its own)");
        }
    }

    /** What podman's info document says; a runtime other than runc is a warning (crun fails on hybrid cgroups). */
    static Check answered(String where, String json) {
        JsonNode info;
        try {
            info = Json.mapper().readTree(json);
        } catch (IOException e) {
            return failed(where, "the answer is not JSON: " + e.getMessage(), "check that this is podman's API");
        }
        String runtime = info.at("/host/ociRuntime/name").asText("?");
        String found = "podman " + info.at("/version/Version").asText("?") + " answers (" + where + "): runtime "
                + runtime + ", cgroups " + info.at("/host/cgroupVersion").asText("?") + ", network "
                + info.at("/host/networkBackend").asText("?") + ", storage " + info.at("/store/graphDriverName")
                .asText("?") + " in " + info.at("/store/graphRoot").asText("?");
        if (!runtime.equals("runc")) {
            return Check.warning(NAME, found, "set runtime = \"runc\" under [engine] in that podman's "
                    + "containers.conf (crun 1.8 fails on hybrid cgroups; the podman service kumo server starts "
                    + "does this)");
        }
        return Check.ok(NAME, found);
    }

    static Check failed(String where, String error, String fix) {
        return Check.missing(NAME, "podman does not answer (" + where + "): " + error, fix);
    }
}
