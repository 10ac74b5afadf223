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
    void theNettyFrontIsTheDefault() {
        // Was vertx until issue #16's front measured ~1.0x nginx (the Vert.x router 0.73x): users get the default.
        assertThat(RouterEngine.DEFAULT).isEqualTo(RouterEngine.NETTY);
        assertThat(new RouterConfig("127.0.0.1", 0).engine()).isEqualTo(RouterEngine.NETTY);
        assertThat(new RouterConfig("127.0.0.1", 0).withEngine(RouterEngine.VERTX).withH2c(true).engine())
                .isEqualTo(RouterEngine.VERTX);
    }
}
