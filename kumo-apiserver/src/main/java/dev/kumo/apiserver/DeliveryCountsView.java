package dev.kumo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where {@code GET /debug/deliveries} reads from: how many events the mesh tried to deliver to each Trigger's and
 * Subscription's subscriber since the server started, and how those deliveries ended (a {@code DeliveryCounts}
 * document). The dashboard's flow graph turns two reads into rates. Called on a worker thread for each request.
 */
public interface DeliveryCountsView {

    /** The counts so far, one item per Trigger and per Subscription that was delivered to. */
    JsonNode counts();
}
