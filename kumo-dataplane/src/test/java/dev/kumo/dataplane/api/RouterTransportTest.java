package dev.kumo.dataplane.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouterTransportTest {

    @Test
    void parsesEachNameInAnyCase() {
        assertThat(RouterTransport.parse("io_uring")).isEqualTo(RouterTransport.IO_URING);
        assertThat(RouterTransport.parse(" EPOLL ")).isEqualTo(RouterTransport.EPOLL);
        assertThat(RouterTransport.parse("Auto")).isEqualTo(RouterTransport.AUTO);
        assertThat(RouterTransport.IO_URING.flagValue()).isEqualTo("io_uring");
    }

    @Test
    void anUnknownTransportNamesTheFlagTheValueAndTheChoices() {
        assertThatThrownBy(() -> RouterTransport.parse("iouring")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--router-transport is 'iouring': want auto, io_uring or epoll");
        assertThatThrownBy(() -> RouterTransport.parse("nio")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--router-transport is 'nio': want auto, io_uring or epoll");
    }

    @Test
    void aRouterConfigKeepsItsTransportThroughItsOtherSettings() {
        assertThat(new RouterConfig("127.0.0.1", 0).transport()).isEqualTo(RouterTransport.DEFAULT);
        assertThat(new RouterConfig("127.0.0.1", 0).withTransport(RouterTransport.EPOLL).withH2c(true)
                .withEngine(RouterEngine.NETTY).withEventLoops(3).transport()).isEqualTo(RouterTransport.EPOLL);
    }
}
