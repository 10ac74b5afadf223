package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private static final MultiMap REPLY = MultiMap.caseInsensitiveMultiMap().add("ce-specversion", "1.0")
            .add("ce-id", "r-1").add("ce-source", "/r").add("ce-type", "reply").add("Content-Type", "text/plain");

    @Test
    void aTwoHundredWithAnEventIsAReply() {
        Outcome outcome = Outcome.ofResponse(200, REPLY, Buffer.buffer("hi"), true);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Accepted.class,
                accepted -> assertThat(accepted.reply()).hasValueSatisfying(
                        reply -> assertThat(reply.getId()).isEqualTo("r-1")));
    }

    /** Issue #10: a bad escape was a malformed reply; it is now kept as sent, as at the ingress. */
    @Test
    void aReplysHeadersAreReadAsAtTheIngressAndOneTheLogCouldNotHandBackIsMalformed() {
        MultiMap encoded = MultiMap.caseInsensitiveMultiMap().addAll(REPLY).add("ce-subject", "caf%C3%A9 50%25");
        MultiMap badEscape = MultiMap.caseInsensitiveMultiMap().addAll(REPLY).add("ce-subject", "a%zzb");
        MultiMap dataHeader = MultiMap.caseInsensitiveMultiMap().addAll(REPLY).add("ce-data", "x");

        assertThat(Outcome.ofResponse(200, encoded, Buffer.buffer("hi"), true)).isInstanceOfSatisfying(
                Outcome.Accepted.class, accepted -> assertThat(accepted.reply()).hasValueSatisfying(
                        reply -> assertThat(reply.getSubject()).isEqualTo("café 50%")));
        assertThat(Outcome.ofResponse(200, badEscape, Buffer.buffer("hi"), true)).isInstanceOfSatisfying(
                Outcome.Accepted.class, accepted -> assertThat(accepted.reply()).hasValueSatisfying(
                        reply -> assertThat(reply.getSubject()).isEqualTo("a%zzb")));
        assertThat(Outcome.ofResponse(200, dataHeader, Buffer.buffer("hi"), true)).isInstanceOfSatisfying(
                Outcome.Failed.class, failed -> {
                    assertThat(failed.retryable()).isFalse();
                    assertThat(new String(failed.body())).contains("malformed reply", "ce-data");
                });
    }

    @Test
    void aTwoHundredWithoutAnEventOrA202IsNoReply() {
        MultiMap plain = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");

        assertThat(Outcome.ofResponse(200, plain, Buffer.buffer("{}"), true))
                .isEqualTo(new Outcome.Accepted(Optional.empty(), 200));
        assertThat(Outcome.ofResponse(202, REPLY, Buffer.buffer("hi"), true))
                .isEqualTo(new Outcome.Accepted(Optional.empty(), 202));
        assertThat(Outcome.ofResponse(200, REPLY, Buffer.buffer("hi"), false))
                .isEqualTo(new Outcome.Accepted(Optional.empty(), 200));
    }

    @Test
    void aMalformedReplyIsAFailureThatIsNotRetried() {
        MultiMap noType = MultiMap.caseInsensitiveMultiMap().addAll(REPLY).remove("ce-type");

        Outcome outcome = Outcome.ofResponse(200, noType, Buffer.buffer("hi"), true);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(new String(failed.body())).contains("malformed reply");
        });
    }

    @Test
    void failuresKeepStatusAndBodyAndRetryByKnativesRules() {
        Outcome unavailable = Outcome.ofResponse(503, MultiMap.caseInsensitiveMultiMap(),
                Buffer.buffer("<html>down</html>"), true);
        Outcome forbidden = Outcome.ofResponse(403, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(), true);
        Outcome network = Outcome.ofError(new IOException("Connection refused"));

        assertThat(unavailable).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.status()).isEqualTo(503);
            assertThat(new String(failed.body())).isEqualTo("<html>down</html>");
            assertThat(failed.retryable()).isTrue();
        });
        assertThat(forbidden).isInstanceOfSatisfying(Outcome.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
        assertThat(network).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.status()).isEqualTo(500);
            assertThat(new String(failed.body())).startsWith("dispatch error:").contains("Connection refused");
            assertThat(failed.retryable()).isTrue();
        });
    }
}
