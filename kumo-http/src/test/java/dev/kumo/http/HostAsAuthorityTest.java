package dev.kumo.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import org.junit.jupiter.api.Test;

class HostAsAuthorityTest {

    @Test
    void aHostBesideAnotherAuthorityBecomesTheAuthority() {
        Http2Headers headers = new DefaultHttp2Headers().method("GET").path("/").scheme("http")
                .authority("127.0.0.1:8080").add("host", "hello.default.localhost").add("accept", "*/*");

        HostAsAuthority.hostAsAuthority(headers);

        assertThat(headers.authority()).hasToString("hello.default.localhost");
        assertThat(headers.contains("host")).isFalse();
        assertThat(headers.get("accept")).hasToString("*/*");
    }

    @Test
    void withoutAHostTheAuthorityStays() {
        Http2Headers headers = new DefaultHttp2Headers().method("GET").path("/").authority("a.localhost");

        HostAsAuthority.hostAsAuthority(headers);

        assertThat(headers.authority()).hasToString("a.localhost");
    }

    @Test
    void twoHostsAreLeftForVertxToRefuse() {
        Http2Headers headers = new DefaultHttp2Headers().method("GET").path("/").authority("a.localhost")
                .add("host", "b.localhost").add("host", "c.localhost");

        HostAsAuthority.hostAsAuthority(headers);

        assertThat(headers.authority()).hasToString("a.localhost");
        assertThat(headers.getAll("host")).hasSize(2);
    }
}
