package dev.kumo.apiserver;

import java.time.Duration;

/**
 * What the API server tells about each request, for meters with kube-apiserver's names
 * ({@code apiserver_request_total}, {@code apiserver_request_duration_seconds}, {@code apiserver_longrunning_requests}).
 * Every label is bounded: verbs are a fixed set, group/version/resource/subresource those of a served kind (empty
 * for any other path), scope one of three; no name, namespace or path is passed.
 */
public interface RequestMetrics {

    /** Tells nothing. */
    RequestMetrics NONE = new RequestMetrics() {
        @Override
        public void answered(Request request, int code, Duration took) {
        }

        @Override
        public Runnable longRunning(Request request) {
            return () -> { };
        }
    };

    /** A request answered with {@code code} after {@code took}. */
    void answered(Request request, int code, Duration took);

    /**
     * A long-running request (a watch, a log) started and was answered 200; it is counted, not timed. The returned
     * action is run once, when it ends.
     */
    Runnable longRunning(Request request);

    /**
     * A request as kube-apiserver's metrics label it.
     *
     * @param verb {@code GET}, {@code LIST}, {@code WATCH}, {@code POST}, {@code PUT}, {@code PATCH}, {@code APPLY}
     *     (a server-side apply patch), {@code DELETE}, or the method of a request to another path
     * @param group the API group ({@code ""} for core and for paths that are no resource)
     * @param version the API version, {@code ""} for paths that are no resource
     * @param resource the plural, {@code ""} for paths that are no resource
     * @param subresource {@code status}, {@code log}, … or {@code ""}
     * @param scope {@code resource} (one named object), {@code namespace}, {@code cluster}, or {@code ""}
     */
    record Request(String verb, String group, String version, String resource, String subresource, String scope) {

        /** A request to a path that addresses no resource (discovery, {@code /version}, {@code /metrics}). */
        public static Request other(String method) {
            return new Request(method, "", "", "", "", "");
        }
    }
}
