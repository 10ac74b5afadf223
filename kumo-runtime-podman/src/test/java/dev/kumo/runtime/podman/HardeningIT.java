package dev.kumo.runtime.podman;

import static dev.kumo.runtime.podman.PodRuntimeFixture.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Hardening;
import dev.kumo.runtime.spi.RunAsSpec;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A container's securityContext through real podman: what the workload sees of it from inside. */
class HardeningIT {

    private static final String REPORT = "if echo x > /www/written 2>/dev/null; then echo root is writable; "
            + "else echo root is read-only; fi; id; cat /proc/self/status; echo report done; "
            + HTTPD;

    @RegisterExtension
    static final PodRuntimeFixture pods = new PodRuntimeFixture();

    @Test
    void aHardenedContainerHasAReadOnlyRootNoCapabilitiesButTheAddedOneNoNewPrivilegesAndItsUser() {
        Hardening hardening = new Hardening(true, false, List.of("ALL"), List.of("NET_BIND_SERVICE"));
        String id = pods.runtime().start(PodmanRuntimeIT.busybox("hard-00001").command("sh", "-c", REPORT)
                .hardening(hardening).runAs(new RunAsSpec(OptionalLong.of(65534), OptionalLong.of(65534), true))
                .build()).id();
        pods.awaitReady(id);
        pods.awaitLine(id, "report done");

        List<String> lines = pods.lines(id);
        assertThat(lines).contains("root is read-only");
        assertThat(lines).anyMatch(line -> line.startsWith("uid=65534") && line.contains("gid=65534"));
        assertThat(lines).as("only CAP_NET_BIND_SERVICE (bit 10) left").contains("CapEff:\t0000000000000400");
        assertThat(lines).contains("NoNewPrivs:\t1");
        pods.runtime().stop(id).join();
    }

    @Test
    void withoutHardeningTheRootIsWritableAndPodmansCapabilitiesStay() {
        String id = pods.runtime().start(PodmanRuntimeIT.busybox("soft-00001").command("sh", "-c", REPORT).build())
                .id();
        pods.awaitReady(id);
        pods.awaitLine(id, "report done");

        List<String> lines = pods.lines(id);
        assertThat(lines).contains("root is writable", "NoNewPrivs:\t0");
        assertThat(lines).anyMatch(line -> line.startsWith("uid=0"));
        assertThat(lines).anyMatch(line -> line.startsWith("CapEff:") && !line.endsWith("0000000000000000")
                && !line.endsWith("0000000000000400"));
        pods.runtime().stop(id).join();
    }
}
