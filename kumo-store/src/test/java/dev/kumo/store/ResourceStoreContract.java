package dev.kumo.store;

/** Everything a {@link ResourceStore} must do, as one suite every implementation runs. */
public interface ResourceStoreContract extends CreateContract, UpdateContract, StatusContract, DeletionContract,
        CascadeContract, ListContract, WatchContract, WatchDeliveryContract, ConcurrentWriteContract {
}
