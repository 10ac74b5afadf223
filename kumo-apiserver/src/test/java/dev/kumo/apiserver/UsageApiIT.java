package dev.kumo.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code /apis/usage.kumo.dev/v1alpha1/[namespaces/NS/]usage}: the namespace and period handed to the view. */
class UsageApiIT {

    private static final String GROUP = "/apis/usage.kumo.dev/v1alpha1/";
    private static final ApiFixture api = new ApiFixture(config -> config.withUsage((namespace, period) ->
            Json.object().put("kind", "UsageReport").put("namespace", namespace.orElse("*"))
                    .put("seconds", period.toSeconds())), RevisionLogs.NONE);

    @AfterAll
    static void close() {
        api.close();
    }

    @Test
    void aNamespaceOrEveryNamespaceOverTheGivenPeriodOr24Hours() {
        assertThat(Json.parseObject(api.get(GROUP + "namespaces/team/usage?since=2h").text()))
                .isEqualTo(Json.object().put("kind", "UsageReport").put("namespace", "team").put("seconds", 7200));
        assertThat(Json.parseObject(api.get(GROUP + "usage?since=7d").text()).path("seconds").asLong())
                .isEqualTo(7 * 86400);
        assertThat(Json.parseObject(api.get(GROUP + "usage").text()).path("seconds").asLong()).isEqualTo(86400);
    }

    @Test
    void aBadPeriodIsA400NamingItAndTheFix() {
        ApiFixture.Response bad = api.get(GROUP + "usage?since=forever");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(Json.parseObject(bad.text()).path("message").asText())
                .isEqualTo("since \"forever\" is not a duration: give one such as 90m, 24h or 7d");
    }

    @Test
    void otherPathsAre404AndWritesAre405() {
        assertThat(api.get(GROUP + "namespaces/team/other").status()).isEqualTo(404);
        assertThat(api.get("/apis/usage.kumo.dev/v1/usage").status()).isEqualTo(404);
        assertThat(api.post(GROUP + "usage", "{}").status()).isEqualTo(405);
    }
}
