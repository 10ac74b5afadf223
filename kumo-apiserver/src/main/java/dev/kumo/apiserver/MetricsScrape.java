package dev.kumo.apiserver;

/**
 * Where {@code GET /metrics} reads from: the current metrics in the Prometheus text format, version 0.0.4 (a
 * Micrometer {@code PrometheusMeterRegistry::scrape} fits). Called on a worker thread for each scrape.
 */
@FunctionalInterface
public interface MetricsScrape {

    /** The Prometheus text exposition format's content type. */
    String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    String scrape();
}
