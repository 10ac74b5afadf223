package dev.kumo.store;

import dev.kumo.common.testing.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Runs the whole {@link ResourceStoreContract} against the store a subclass opens. */
public abstract class AbstractResourceStoreTest implements ResourceStoreContract {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T03:21:00.250Z"));
    private final List<ResourceStore> opened = new ArrayList<>();
    private ResourceStore store;

    /** Opens a new, empty store of the kind under test. */
    protected abstract ResourceStore openStore(StoreOptions options);

    @Override
    public ResourceStore store() {
        if (store == null) {
            store = open(options());
        }
        return store;
    }

    @Override
    public ResourceStore open(StoreOptions options) {
        ResourceStore opening = openStore(options);
        opened.add(opening);
        return opening;
    }

    @Override
    public ManualClock clock() {
        return clock;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(ResourceStore::close);
    }
}
