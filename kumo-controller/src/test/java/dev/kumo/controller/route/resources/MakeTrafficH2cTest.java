package dev.kumo.controller.route.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.RevisionSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The data plane speaks h2c to a Revision whose serving container's port is named h2c, as Knative does. */
class MakeTrafficH2cTest {

    @ParameterizedTest(name = "{0} → h2c {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"containers\":[{\"image\":\"a\",\"ports\":[{\"name\":\"h2c\",\"containerPort\":8080}]}]}  | true",
        "{\"containers\":[{\"image\":\"a\",\"ports\":[{\"name\":\"http1\",\"containerPort\":8080}]}]} | false",
        "{\"containers\":[{\"image\":\"a\",\"ports\":[{\"containerPort\":8080}]}]}                   | false",
        "{\"containers\":[{\"image\":\"a\"}]}                                                          | false",
        "{\"containers\":[{\"image\":\"side\"},{\"image\":\"a\",\"ports\":[{\"name\":\"h2c\"}]}]}      | true",
    })
    void thePortNameOfTheServingContainerDecides(String spec, boolean h2c) throws JsonProcessingException {
        assertThat(MakeTraffic.h2c(Json.mapper().readValue(spec, RevisionSpec.class))).isEqualTo(h2c);
    }
}
