package dev.kumo.store;

import static dev.kumo.store.TestObjects.configMap;
import static dev.kumo.store.TestObjects.label;
import static dev.kumo.store.TestObjects.namespace;
import static dev.kumo.store.TestObjects.service;
import static dev.kumo.store.TestObjects.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.LabelSelector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listing one kind: order, filters, and the resourceVersion the list was taken at. */
public interface ListContract extends StoreFixture {

    @Test
    default void listIsSortedByNamespaceThenName() {
        for (String key : List.of("b/zeta", "a/beta", "b/alpha", "a/alpha")) {
            String[] parts = key.split("/");
            store().create(ResourceTypes.SERVICE, service(parts[0], parts[1]));
        }
        store().create(ResourceTypes.CONFIGMAP, configMap("a", "not-a-service"));

        ResourceList list = store().list(ResourceTypes.SERVICE, ListOptions.ALL);

        assertThat(list.items()).extracting(ListContract::key).containsExactly("a/alpha", "a/beta", "b/alpha", "b/zeta");
        assertThat(list.resourceVersion()).isEqualTo(store().resourceVersion());
    }

    @Test
    default void listFiltersByNamespaceLabelsAndName() {
        store().create(ResourceTypes.SERVICE, service("a", "one", label("tier", "web")));
        store().create(ResourceTypes.SERVICE, service("a", "two", label("tier", "db")));
        store().create(ResourceTypes.SERVICE, service("b", "one", label("tier", "web")));
        store().create(ResourceTypes.SERVICE, service("b", "three"));

        assertThat(list(ListOptions.in("a"))).containsExactly("a/one", "a/two");
        assertThat(list(new ListOptions(Optional.empty(), LabelSelector.parse("tier=web"), Optional.empty())))
                .containsExactly("a/one", "b/one");
        assertThat(list(new ListOptions(Optional.empty(), LabelSelector.parse("tier notin (web)"), Optional.empty())))
                .containsExactly("a/two", "b/three");
        assertThat(list(new ListOptions(Optional.empty(), LabelSelector.EVERYTHING, Optional.of("one"))))
                .containsExactly("a/one", "b/one");
        assertThat(list(new ListOptions(Optional.of("b"), LabelSelector.parse("tier"), Optional.of("one"))))
                .containsExactly("b/one");
        assertThat(list(ListOptions.in("nowhere"))).isEmpty();
    }

    @Test
    default void listFiltersByFieldTermsEqualAndNotEqualAMissingFieldBeingEmpty() {
        store().create(ResourceTypes.SERVICE, service("a", "one", spec("tier", "web")));
        store().create(ResourceTypes.SERVICE, service("a", "two", spec("tier", "db")));
        store().create(ResourceTypes.SERVICE, service("a", "three"));

        assertThat(list(new ListOptions(Optional.empty(), LabelSelector.EVERYTHING, Optional.empty(),
                List.of(new FieldMatch("/spec/tier", "web", true))))).containsExactly("a/one");
        assertThat(list(new ListOptions(Optional.empty(), LabelSelector.EVERYTHING, Optional.empty(),
                List.of(new FieldMatch("/spec/tier", "web", false))))).containsExactly("a/three", "a/two");
        assertThat(list(new ListOptions(Optional.empty(), LabelSelector.EVERYTHING, Optional.empty(),
                List.of(new FieldMatch("/spec/tier", "", true))))).containsExactly("a/three");
        assertThat(list(new ListOptions(Optional.of("a"), LabelSelector.EVERYTHING, Optional.of("two"),
                List.of(new FieldMatch("/spec/tier", "web", false))))).containsExactly("a/two");
    }

    @Test
    default void clusterScopedListsIgnoreTheNamespaceFilter() {
        store().create(ResourceTypes.NAMESPACE, namespace("team-b"));
        store().create(ResourceTypes.NAMESPACE, namespace("team-a"));

        ResourceList list = store().list(ResourceTypes.NAMESPACE, ListOptions.in("default"));

        assertThat(list.items()).extracting(TestObjects::name).containsExactly("team-a", "team-b");
    }

    @Test
    default void listedTreesAreCopies() {
        store().create(ResourceTypes.SERVICE, service("a", "one"));
        store().list(ResourceTypes.SERVICE, ListOptions.ALL).items().getFirst().put("spec", "changed");

        assertThat(store().list(ResourceTypes.SERVICE, ListOptions.ALL).items().getFirst().path("spec").isObject())
                .isTrue();
    }

    private List<String> list(ListOptions options) {
        return store().list(ResourceTypes.SERVICE, options).items().stream().map(ListContract::key).toList();
    }

    private static String key(ObjectNode object) {
        return object.path("metadata").path("namespace").asText() + "/" + TestObjects.name(object);
    }
}
