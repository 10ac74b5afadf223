package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Hardening;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardeningSpecTest {

    @Test
    void kubernetesDefaultsAddNothing() {
        assertThat(HardeningSpec.apply(new JsonObject(), Hardening.DEFAULT)).isEqualTo(new JsonObject());
    }

    @Test
    void everySettingMapsToLibpodsFieldWithCapabilitiesSpelledAsPodmanWantsThem() {
        JsonObject container = HardeningSpec.apply(new JsonObject(), new Hardening(true, false, List.of("all"),
                List.of("NET_BIND_SERVICE", "CAP_CHOWN")));

        assertThat(container).isEqualTo(new JsonObject().put("read_only_filesystem", true)
                .put("no_new_privileges", true).put("cap_drop", new JsonArray().add("ALL"))
                .put("cap_add", new JsonArray().add("CAP_NET_BIND_SERVICE").add("CAP_CHOWN")));
    }
}
