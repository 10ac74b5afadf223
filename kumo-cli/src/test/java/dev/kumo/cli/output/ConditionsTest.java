package dev.kumo.cli.output;

import static dev.kumo.cli.testing.Fixtures.failed;
import static dev.kumo.cli.testing.Fixtures.ready;
import static dev.kumo.cli.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    @Test
    void summarisesAReadyObject() {
        ObjectNode service = service("default", "hello", ready());
        assertThat(Conditions.okOfTotal(service)).isEqualTo("3 OK / 3");
        assertThat(Conditions.ready(service)).isEqualTo("True");
        assertThat(Conditions.notReadyReason(service)).isEmpty();
    }

    @Test
    void givesTheReasonAndMessageOfAFailedObject() {
        ObjectNode service = service("default", "hello", failed("RevisionFailed", "image not found"));
        assertThat(Conditions.okOfTotal(service)).isEqualTo("0 OK / 1");
        assertThat(Conditions.ready(service)).isEqualTo("False");
        assertThat(Conditions.notReadyReason(service)).isEqualTo("RevisionFailed : image not found");
    }

    @Test
    void saysUnknownWithoutAReadyCondition() {
        ObjectNode service = service("default", "hello");
        assertThat(Conditions.okOfTotal(service)).isEqualTo("0 OK / 0");
        assertThat(Conditions.ready(service)).isEqualTo("<unknown>");
        assertThat(Conditions.notReadyReason(service)).isEqualTo("<unknown>");
    }

    @Test
    void describesConditionsReadyFirst() {
        ObjectNode service = service("default", "hello", ready());
        assertThat(ConditionLines.of(service, Instant.parse("2025-01-01T00:05:00Z"))).containsExactly(
                "OK TYPE                  AGE REASON",
                "++ Ready                  5m",
                "++ ConfigurationsReady    5m",
                "++ RoutesReady            5m");
    }

    @Test
    void marksConditionsBySeverity() {
        assertThat(ConditionLines.symbol(Json.parseObject("{\"status\":\"False\"}"))).isEqualTo("!!");
        assertThat(ConditionLines.symbol(Json.parseObject("{\"status\":\"False\",\"severity\":\"Info\"}")))
                .isEqualTo(" I");
        assertThat(ConditionLines.symbol(Json.parseObject("{\"status\":\"Unknown\"}"))).isEqualTo("??");
    }
}
