package dev.kumo.store;

/** The contract, against the in-memory store. */
class InMemoryStoreTest extends AbstractResourceStoreTest {

    @Override
    protected ResourceStore openStore(StoreOptions options) {
        return InMemoryStore.create(options);
    }
}
