package dev.kumo.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code /apis/serving.kumo.dev/v1alpha1/[namespaces/NS/]activity}: the namespace handed to the view, reads only. */
class ActivityApiIT {

    private static final String GROUP = "/apis/serving.kumo.dev/v1alpha1/";
    private static final ApiFixture api = new ApiFixture(config -> config.withActivity(namespace ->
            Json.object().put("kind", "RevisionActivity").put("namespace", namespace.orElse("*"))),
            RevisionLogs.NONE);

    @AfterAll
    static void close() {
        api.close();
    }

    @Test
    void aNamespaceOrEveryNamespace() {
        assertThat(Json.parseObject(api.get(GROUP + "namespaces/team/activity").text()))
                .isEqualTo(Json.object().put("kind", "RevisionActivity").put("namespace", "team"));
        assertThat(Json.parseObject(api.get(GROUP + "activity").text()).path("namespace").asText()).isEqualTo("*");
    }

    @Test
    void otherPathsAre404NamingTheServedOnesAndWritesAre405() {
        ApiFixture.Response other = api.get(GROUP + "namespaces/team/other");
        assertThat(other.status()).isEqualTo(404);
        assertThat(Json.parseObject(other.text()).path("message").asText())
                .contains("/apis/serving.kumo.dev/v1alpha1/[namespaces/NS/]activity");
        assertThat(api.get("/apis/serving.kumo.dev/v1/activity").status()).isEqualTo(404);
        assertThat(api.post(GROUP + "activity", "{}").status()).isEqualTo(405);
    }
}
