package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.meta.LabelSelector;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import dev.kumo.store.WatchOptions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A follow of a Revision's log that lasts while the Revision exists: it ends when the Revision is deleted (a watch
 * of it from the version read), or when the log itself ends. Closing ends both quietly.
 */
final class RevisionLogFollow implements RevisionLogs.Stream {

    private final RevisionLogs.Sink sink;
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile RevisionLogs.Stream lines = () -> { };
    private volatile Watch watch = () -> { };

    private RevisionLogFollow(RevisionLogs.Sink sink) {
        this.sink = sink;
    }

    /** Opens the log through {@code opener} and watches Revision {@code name} from {@code resourceVersion}. */
    static RevisionLogFollow start(ResourceStore store, ResourceType type, String namespace, String name,
            long resourceVersion, Function<RevisionLogs.Sink, RevisionLogs.Stream> opener, RevisionLogs.Sink sink) {
        RevisionLogFollow follow = new RevisionLogFollow(sink);
        follow.watch = store.watch(type, new WatchOptions(new ListOptions(Optional.of(namespace),
                        LabelSelector.EVERYTHING, Optional.of(name)), Optional.of(resourceVersion)),
                new WatchListener() {
                    @Override
                    public void onEvent(WatchEvent event) {
                        if (event.type() == WatchEvent.Type.DELETED) {
                            follow.end();
                        }
                    }

                    @Override
                    public void closed(Optional<ApiException> reason) {
                        if (reason.isPresent()) {
                            follow.end(); // the store closed or the watch fell behind: the client may ask again
                        }
                    }
                });
        follow.lines = opener.apply(new RevisionLogs.Sink() {
            @Override
            public void line(String line) {
                if (!follow.over.get()) {
                    sink.line(line);
                }
            }

            @Override
            public void end() {
                follow.end();
            }
        });
        if (follow.over.get()) { // ended before both were kept
            follow.watch.close();
            follow.lines.close();
        }
        return follow;
    }

    private void end() {
        if (stop()) {
            sink.end();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean stop() {
        if (!over.compareAndSet(false, true)) {
            return false;
        }
        watch.close();
        lines.close();
        return true;
    }
}
