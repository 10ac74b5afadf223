package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouterDutiesTest {

    private static final String HOST = "bench.default.localhost";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RouterDuties duties = new RouterDuties(HOST, registry);
    private final EmbeddedChannel client = new EmbeddedChannel() {
        @Override
        protected SocketAddress remoteAddress0() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }
    };

    @AfterEach
    void closeClient() {
        client.finishAndReleaseAll();
    }

    @Test
    void aRequestCutOffBeforeItsResponseReleasesItsTimerAndItsInFlightCount() {
        RouterDuties.Exchange exchange = new RouterDuties.Exchange();
        duties.request(client, request(), exchange);
        ScheduledFuture<?> firstByte = exchange.firstByte;
        assertThat(duties.inFlight(HOST)).isEqualTo(1);
        assertThat(firstByte.isDone()).isFalse();

        duties.abandon(exchange);
        duties.abandon(exchange); // the other side's close comes too

        assertThat(firstByte.isCancelled()).isTrue();
        assertThat(duties.inFlight(HOST)).isZero();
        assertThat(registry.timer("ceiling_request_duration").count()).isZero();
    }

    @Test
    void aCloseAfterTheResponseEndedChangesNothing() {
        RouterDuties.Exchange exchange = new RouterDuties.Exchange();
        duties.request(client, request(), exchange);
        duties.request(client, request(), new RouterDuties.Exchange());
        duties.responseHead(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK), exchange);
        duties.responseEnd(exchange);

        duties.abandon(exchange);

        assertThat(duties.inFlight(HOST)).isEqualTo(1);
        assertThat(registry.timer("ceiling_request_duration").count()).isEqualTo(1);
    }

    private static HttpRequest request() {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        request.headers().set("host", HOST + ":8080");
        return request;
    }
}
