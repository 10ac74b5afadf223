package dev.kumo.serving.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Image references are read as Docker and go-containerregistry read them. */
class ImageReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ubuntu,                          index.docker.io/library/ubuntu,      latest,   https://index.docker.io",
            "ubuntu:24.04,                    index.docker.io/library/ubuntu,      24.04,    https://index.docker.io",
            "docker.io/ubuntu,                index.docker.io/library/ubuntu,      latest,   https://index.docker.io",
            "docker.io/knative/hello:v1,      index.docker.io/knative/hello,       v1,       https://index.docker.io",
            "knative/hello,                   index.docker.io/knative/hello,       latest,   https://index.docker.io",
            "gcr.io/knative-samples/hello,    gcr.io/knative-samples/hello,        latest,   https://gcr.io",
            "ghcr.io/a/b/c:1.0,               ghcr.io/a/b/c,                       1.0,      https://ghcr.io",
            "localhost:5000/hello:v2,         localhost:5000/hello,                v2,       http://localhost:5000",
            "127.0.0.1:41234/hello:v2,        127.0.0.1:41234/hello,               v2,       http://127.0.0.1:41234",
            "[::1]:5000/hello,                [::1]:5000/hello,                    latest,   http://[::1]:5000",
            "localhost/hello,                 localhost/hello,                     latest,   https://localhost",
            "registry.example.com:5000/x:y,   registry.example.com:5000/x,         y,        https://registry.example.com:5000",
    })
    void readsRegistryRepositoryAndTag(String image, String name, String tag, String baseUrl) {
        ImageReference reference = ImageReference.parse(image);
        assertThat(reference.name()).isEqualTo(name);
        assertThat(reference.reference()).isEqualTo(tag);
        assertThat(reference.baseUrl()).isEqualTo(baseUrl);
        assertThat(reference.digest()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "gcr.io/x/hello@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "hello:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    })
    void aReferenceByDigestKeepsItsDigest(String image) {
        assertThat(ImageReference.parse(image).digest())
                .contains("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    }

    @ParameterizedTest
    @CsvSource({"Hello/World", "hello:bad tag", "hello@sha256:short", "hello:"})
    void aMalformedReferenceIsRefusedSayingWhy(String image) {
        assertThatThrownBy(() -> ImageReference.parse(image)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("could not parse reference " + image);
    }
}
