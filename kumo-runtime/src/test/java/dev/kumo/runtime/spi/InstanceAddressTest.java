package dev.kumo.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceAddressTest {

    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");
    private static final Instant EXEC = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aHostProcessIsReachedOnLoopbackAtItsOwnPort() {
        assertThat(InstanceAddress.loopback(41234)).isEqualTo(new InstanceAddress("127.0.0.1", 41234));
        assertThat(InstanceAddress.loopback(41234)).hasToString("127.0.0.1:41234");
    }

    @Test
    void anotherHostIsKeptAsReported() {
        assertThat(new InstanceAddress("10.88.0.7", 8080)).hasToString("10.88.0.7:8080");
        assertThat(new InstanceAddress("fd00::7", 8080)).hasToString("[fd00::7]:8080");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void aPortOutsideOneTo65535IsRefused(int port) {
        assertThatThrownBy(() -> new InstanceAddress("127.0.0.1", port)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instance port is " + port);
    }

    @Test
    void anInstanceHasItsReportedAddressOnlyWhileReady() {
        InstanceAddress pod = new InstanceAddress("10.88.0.7", 8080);
        Instance ready = new Instance("hello-00001-a", HELLO, new InstanceState.Ready(pod, EXEC.plusSeconds(1), EXEC),
                0);
        Instance starting = new Instance("hello-00001-a", HELLO, new InstanceState.Starting(EXEC, Optional.empty()),
                0);

        assertThat(ready.address()).contains(pod);
        assertThat(starting.address()).isEmpty();
    }
}
