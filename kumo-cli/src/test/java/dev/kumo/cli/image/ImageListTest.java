package dev.kumo.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kumo.api.codec.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** podman's image list → one row per image name, with its digest, size and age. */
class ImageListTest {

    private static final String PODMAN = "{\"a\":[{\"Id\":\"c00a107db6127da378b2f92dd09669f72fc5f17d\","
            + "\"Names\":[\"dev.local/hello:1\",\"dev.local/hello:latest\"],\"Digest\":\"sha256:67af34c5\","
            + "\"Size\":91537301,\"CreatedAt\":\"2026-12-06T04:50:37Z\"},{\"Id\":\"00f3404ac1d4000\","
            + "\"Digest\":\"sha256:edcf82b8\",\"Size\":2132,\"CreatedAt\":\"2026-12-06T03:50:37Z\"}]}";

    @Test
    void eachNameIsARowAndAnImageWithoutOneIsNone() {
        ArrayNode images = ImageListCommand.images(Json.parseObject(PODMAN).path("a"));

        assertThat(images).hasSize(3);
        assertThat(Json.write(images.get(0))).isEqualTo("{\"metadata\":{\"name\":\"dev.local/hello:1\"},"
                + "\"id\":\"c00a107db6127da378b2f92dd09669f72fc5f17d\",\"digest\":\"sha256:67af34c5\","
                + "\"size\":91537301,\"created\":\"2026-12-06T04:50:37Z\"}");
        assertThat(images.get(2).at("/metadata/name").asText()).isEqualTo("<none>");
        assertThat(ImageListCommand.table(images, Instant.parse("2026-12-06T05:00:37Z")).render(true)).isEqualTo("""
                NAME                     IMAGE ID       DIGEST            SIZE      AGE
                dev.local/hello:1        c00a107db612   sha256:67af34c5   91.5 MB   10m
                dev.local/hello:latest   c00a107db612   sha256:67af34c5   91.5 MB   10m
                <none>                   00f3404ac1d4   sha256:edcf82b8   2.1 kB    70m
                """);
    }
}
