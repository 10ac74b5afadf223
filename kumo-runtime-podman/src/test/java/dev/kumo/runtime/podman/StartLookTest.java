package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A start look's accept replaces the TCP probe with rootful podman at once, with rootless podman once started. */
class StartLookTest {

    @Test
    void rootfulPodmansAcceptIsTheWorkloadsEvenBeforeTheStartIsAnswered() {
        assertThat(StartLook.counts(true, false, false)).isTrue();
        assertThat(StartLook.counts(true, false, true)).isTrue();
    }

    @Test
    void rootlessPodmansForwarderAcceptsBeforeTheWorkloadRunsSoTheAcceptWaitsForTheStart() {
        assertThat(StartLook.counts(true, true, false)).as("the forwarder, before runc started the workload").isFalse();
        assertThat(StartLook.counts(true, true, true)).as("podman answered the start").isTrue();
    }

    @Test
    void nothingAcceptedNeverCounts() {
        assertThat(StartLook.counts(false, false, true)).isFalse();
        assertThat(StartLook.counts(false, true, true)).isFalse();
    }

    @Test
    void rootlessIsReadFromPodmansInfoAndUnknownCountsAsRootless() {
        assertThat(StartLook.rootless(new JsonObject("{\"host\":{\"security\":{\"rootless\":false}}}"))).isFalse();
        assertThat(StartLook.rootless(new JsonObject("{\"host\":{\"security\":{\"rootless\":true}}}"))).isTrue();
        assertThat(StartLook.rootless(new JsonObject("{\"host\":{}}"))).as("unsaid").isTrue();
        assertThat(StartLook.rootless(new JsonObject())).as("no host").isTrue();
    }
}
