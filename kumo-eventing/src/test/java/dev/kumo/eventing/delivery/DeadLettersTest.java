package dev.kumo.eventing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final URI SUBSCRIBER = URI.create("http://127.0.0.1:8080/orders");
    private static final CloudEvent EVENT = CloudEventBuilder.v1().withId("e-1").withSource(URI.create("/test"))
            .withType("t").withData("text/plain", "payload".getBytes(StandardCharsets.UTF_8)).build();

    @Test
    void carriesDestinationCodeAndTheBodyInBase64() {
        String html = "<html><body><h1>503 Service Unavailable</h1></body></html>";

        CloudEvent dead = DeadLetters.annotate(EVENT, SUBSCRIBER, 503, html.getBytes(StandardCharsets.UTF_8));

        assertThat(dead.getExtension(DeadLetters.ERROR_DEST)).isEqualTo(SUBSCRIBER);
        assertThat(dead.getExtension(DeadLetters.ERROR_CODE)).isEqualTo(503);
        assertThat(new String(Base64.getDecoder().decode((String) dead.getExtension(DeadLetters.ERROR_DATA)),
                StandardCharsets.UTF_8)).isEqualTo(html);
        assertThat(dead.getData().toBytes()).isEqualTo("payload".getBytes(StandardCharsets.UTF_8));
        assertThat(dead.getId()).isEqualTo("e-1");
    }

    @Test
    void cutsTheDataTo1024CharactersOfValidBase64() {
        byte[] body = new byte[5000];
        Arrays.fill(body, (byte) 'x');

        CloudEvent dead = DeadLetters.annotate(EVENT, SUBSCRIBER, 500, body);

        String data = (String) dead.getExtension(DeadLetters.ERROR_DATA);
        assertThat(data).hasSize(DeadLetters.MAX_ERROR_DATA);
        assertThat(Base64.getDecoder().decode(data)).hasSize(768).containsOnly((byte) 'x');
    }

    @Test
    void anEmptyBodyLeavesTheDataOut() {
        CloudEvent dead = DeadLetters.annotate(EVENT, SUBSCRIBER, 404, new byte[0]);

        assertThat(dead.getExtension(DeadLetters.ERROR_DATA)).isNull();
        assertThat(dead.getExtension(DeadLetters.ERROR_CODE)).isEqualTo(404);
    }
}
