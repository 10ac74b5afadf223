package dev.kumo.dataplane.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouterEngineTest {

    @Test
    void parsesEitherNameInAnyCase() {
        assertThat(RouterEngine.parse("netty")).isEqualTo(RouterEngine.NETTY);
        assertThat(RouterEngine.parse(" Vert.x ".replace(".", ""))).isEqualTo(RouterEngine.VERTX);
        assertThat(RouterEngine.NETTY.flagValue()).isEqualTo("netty");
    }

    @Test
    void anUnknownEngineNamesTheFlagTheValueAndTheChoices() {
        assertThatThrownBy(() -> RouterEngine.parse("nginx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--router-engine is 'nginx': want vertx or netty");
    }

    @Test
    void theVertxEngineIsTheDefault() {
        assertThat(new RouterConfig("127.0.0.1", 0).engine()).isEqualTo(RouterEngine.VERTX);
        assertThat(new RouterConfig("127.0.0.1", 0).withEngine(RouterEngine.NETTY).withH2c(true).engine())
                .isEqualTo(RouterEngine.NETTY);
    }
}
