package dev.kumo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where {@code GET /debug/traces} and {@code GET /debug/traces/TRACE_ID} read from: the recent traces the server
 * keeps in memory, as JSON documents (a {@code TraceList} of summaries, newest first; one {@code Trace} with its
 * spans). Called on a worker thread for each request.
 */
public interface TraceView {

    /** The recent traces, newest first. */
    JsonNode list();

    /** One trace with its spans; empty when it is not (or no longer) kept. */
    Optional<JsonNode> trace(String traceId);
}
