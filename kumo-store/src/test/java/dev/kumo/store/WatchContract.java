package dev.kumo.store;

import static dev.kumo.store.TestObjects.configMap;
import static dev.kumo.store.TestObjects.edited;
import static dev.kumo.store.TestObjects.label;
import static dev.kumo.store.TestObjects.resourceVersion;
import static dev.kumo.store.TestObjects.service;
import static dev.kumo.store.TestObjects.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.LabelSelector;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a watch streams: current objects first or changes after a resourceVersion, filtered like a list. */
public interface WatchContract extends StoreFixture {

    @Test
    default void watchWithoutVersionStartsWithCurrentObjectsThenChanges() {
        ObjectNode hello = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        store().create(ResourceTypes.SERVICE, service("default", "bye"));
        RecordingListener listener = new RecordingListener();
        store().watch(ResourceTypes.SERVICE, new WatchOptions(ListOptions.ALL, Optional.empty()), listener);

        store().update(ResourceTypes.SERVICE, edited(hello, spec("x", "y")));
        store().delete(ResourceTypes.SERVICE, "default", "bye", DeleteOptions.DEFAULT);
        store().create(ResourceTypes.SERVICE, service("default", "new"));

        listener.awaitEvents(5);
        assertThat(listener.summary()).containsExactly("ADDED default/bye", "ADDED default/hello",
                "MODIFIED default/hello", "DELETED default/bye", "ADDED default/new");
        assertThat(listener.events()).extracting(WatchEvent::resourceVersion).isSorted();
    }

    @Test
    default void watchFromAVersionReplaysTheChangesAfterIt() {
        ObjectNode first = store().create(ResourceTypes.SERVICE, service("default", "first"));
        store().create(ResourceTypes.SERVICE, service("default", "second"));
        store().delete(ResourceTypes.SERVICE, "default", "first", DeleteOptions.DEFAULT);
        RecordingListener listener = new RecordingListener();

        store().watch(ResourceTypes.SERVICE, since(Long.parseLong(resourceVersion(first))), listener);
        store().create(ResourceTypes.SERVICE, service("default", "third"));

        listener.awaitEvents(3);
        assertThat(listener.summary()).containsExactly("ADDED default/second", "DELETED default/first",
                "ADDED default/third");
        WatchEvent deleted = listener.events().get(1);
        assertThat(deleted.object().path("metadata").path("resourceVersion").asText())
                .isEqualTo(Long.toString(deleted.resourceVersion()));
    }

    @Test
    default void watchFromTheCurrentVersionSeesOnlyNewChanges() {
        store().create(ResourceTypes.SERVICE, service("default", "old"));
        RecordingListener listener = new RecordingListener();

        store().watch(ResourceTypes.SERVICE, since(store().resourceVersion()), listener);
        store().create(ResourceTypes.SERVICE, service("default", "new"));

        listener.awaitEvents(1);
        assertThat(listener.summary()).containsExactly("ADDED default/new");
    }

    @Test
    default void versionsOlderThanTheWindowAreGone() {
        ResourceStore small = open(options().withWatchWindowEvents(2));
        for (int i = 0; i < 5; i++) {
            small.create(ResourceTypes.CONFIGMAP, configMap("default", "cm-" + i));
        }

        ApiException failure = failure(() -> small.watch(ResourceTypes.CONFIGMAP, since(1), new RecordingListener()));
        RecordingListener listener = new RecordingListener();
        small.watch(ResourceTypes.CONFIGMAP, since(3), listener);

        assertThat(failure.reason()).isEqualTo(StatusReason.Expired);
        assertThat(failure.code()).isEqualTo(410);
        assertThat(failure).hasMessage("too old resource version: 1 (3)");
        assertThat(listener.awaitEvents(2)).extracting(WatchEvent::resourceVersion).containsExactly(4L, 5L);
    }

    @Test
    default void watchSeesOnlyItsKindNamespaceAndName() {
        RecordingListener listener = new RecordingListener();
        store().watch(ResourceTypes.SERVICE, new WatchOptions(new ListOptions(Optional.of("a"),
                LabelSelector.EVERYTHING, Optional.of("hello")), Optional.empty()), listener);

        store().create(ResourceTypes.CONFIGMAP, configMap("a", "hello"));
        store().create(ResourceTypes.SERVICE, service("b", "hello"));
        ObjectNode hello = store().create(ResourceTypes.SERVICE, service("a", "hello"));
        store().create(ResourceTypes.SERVICE, service("a", "other"));
        store().update(ResourceTypes.SERVICE, edited(hello, spec("x", "y")));

        // Events arrive in order, so anything wrongly let through would show up before the last one.
        listener.awaitEvents(2);
        assertThat(listener.summary()).containsExactly("ADDED a/hello", "MODIFIED a/hello");
    }

    @Test
    default void watchSeesOnlyObjectsMatchingItsFieldTerms() {
        RecordingListener listener = new RecordingListener();
        store().watch(ResourceTypes.SERVICE, new WatchOptions(new ListOptions(Optional.empty(),
                LabelSelector.EVERYTHING, Optional.empty(), java.util.List.of(new FieldMatch("/spec/x", "y", true))),
                Optional.empty()), listener);

        store().create(ResourceTypes.SERVICE, service("a", "other"));
        ObjectNode hello = store().create(ResourceTypes.SERVICE, service("a", "hello"));
        store().update(ResourceTypes.SERVICE, edited(hello, spec("x", "y")));

        listener.awaitEvents(1);
        assertThat(listener.summary()).containsExactly("MODIFIED a/hello");
    }

    @Test
    default void objectsEnterAndLeaveALabelSelectorAsAddedAndDeleted() {
        ObjectNode hello = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        RecordingListener listener = new RecordingListener();
        store().watch(ResourceTypes.SERVICE, new WatchOptions(new ListOptions(Optional.empty(),
                LabelSelector.parse("tier=web"), Optional.empty()), Optional.empty()), listener);

        ObjectNode labelled = store().update(ResourceTypes.SERVICE, edited(hello, label("tier", "web")));
        ObjectNode changed = store().update(ResourceTypes.SERVICE, edited(labelled, spec("x", "y")));
        store().update(ResourceTypes.SERVICE, edited(changed, label("tier", "db")));

        listener.awaitEvents(3);
        assertThat(listener.summary()).containsExactly("ADDED default/hello", "MODIFIED default/hello",
                "DELETED default/hello");
    }

    @Test
    default void noOpWritesMakeNoEvents() {
        ObjectNode hello = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        RecordingListener listener = new RecordingListener();
        store().watch(ResourceTypes.SERVICE, since(store().resourceVersion()), listener);

        store().update(ResourceTypes.SERVICE, edited(hello));
        store().updateStatus(ResourceTypes.SERVICE, edited(hello));
        store().update(ResourceTypes.SERVICE, edited(hello, label("x", "y")));

        listener.awaitEvents(1);
        assertThat(listener.events()).hasSize(1);
        assertThat(listener.events().getFirst().object().path("metadata").path("labels").path("x").asText())
                .isEqualTo("y");
    }

    @Test
    default void cascadesArriveAsDeletedEventsInOrder() {
        ObjectNode owner = store().create(ResourceTypes.CONFIGMAP, configMap("default", "owner"));
        store().create(ResourceTypes.CONFIGMAP, configMap("default", "dependent", TestObjects.ownedBy(owner)));
        RecordingListener listener = new RecordingListener();
        store().watch(ResourceTypes.CONFIGMAP, since(store().resourceVersion()), listener);

        store().delete(ResourceTypes.CONFIGMAP, "default", "owner", DeleteOptions.DEFAULT);

        listener.awaitEvents(2);
        assertThat(listener.summary()).containsExactly("DELETED default/owner", "DELETED default/dependent");
        assertThat(listener.events().get(1).resourceVersion()).isEqualTo(store().resourceVersion());
    }

    private static WatchOptions since(long resourceVersion) {
        return new WatchOptions(ListOptions.ALL, Optional.of(resourceVersion));
    }
}
