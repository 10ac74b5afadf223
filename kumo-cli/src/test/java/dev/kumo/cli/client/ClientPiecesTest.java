package dev.kumo.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientPiecesTest {

    @Test
    void buildsPathsForGroupsCoreAndClusterScopedKinds() {
        assertThat(ResourcePaths.object(ResourceTypes.SERVICE, "default", "hello"))
                .isEqualTo("/apis/serving.knative.dev/v1/namespaces/default/services/hello");
        assertThat(ResourcePaths.collection(ResourceTypes.SERVICE, Optional.empty()))
                .isEqualTo("/apis/serving.knative.dev/v1/services");
        assertThat(ResourcePaths.object(ResourceTypes.CONFIGMAP, "default", "cfg"))
                .isEqualTo("/api/v1/namespaces/default/configmaps/cfg");
        assertThat(ResourcePaths.object(ResourceTypes.NAMESPACE, "ignored", "team-a"))
                .isEqualTo("/api/v1/namespaces/team-a");
        assertThat(ResourcePaths.object(ResourceTypes.SERVICE, "default", "a/../b"))
                .endsWith("/services/a%2F..%2Fb");
    }

    @Test
    void readsWarningHeaders() {
        assertThat(WarningHeaders.text("299 - \"spec.foo is deprecated\"")).contains("spec.foo is deprecated");
        assertThat(WarningHeaders.text("299 kumo \"say \\\"hi\\\"\" \"Sat, 01 Jan 2025 00:00:00 GMT\""))
                .contains("say \"hi\"");
        assertThat(WarningHeaders.text("garbage")).isEmpty();
    }

    @Test
    void resolvesKindsByAnyOfTheirNames() {
        assertThat(KindCatalog.resolve("ksvc")).contains(ResourceTypes.SERVICE);
        assertThat(KindCatalog.resolve("Services")).contains(ResourceTypes.SERVICE);
        assertThat(KindCatalog.resolve("services.serving.knative.dev")).contains(ResourceTypes.SERVICE);
        assertThat(KindCatalog.resolve("rev")).contains(ResourceTypes.REVISION);
        assertThat(KindCatalog.resolve("ns")).contains(ResourceTypes.NAMESPACE);
        assertThat(KindCatalog.resolve("deployments")).isEmpty();
        assertThat(KindCatalog.qualifiedName(ResourceTypes.CONFIGMAP)).isEqualTo("configmap");
    }
}
