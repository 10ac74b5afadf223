package dev.kumo.store;

import dev.kumo.api.errors.ApiException;
import java.util.Optional;

/** Receives a watch's events in order; {@link #closed} is called once, with the reason when it was not asked for. */
public interface WatchListener {

    void onEvent(WatchEvent event);

    /** The watch ended: by {@link Watch#close()} (empty), or because it fell behind or the store closed. */
    void closed(Optional<ApiException> reason);
}
