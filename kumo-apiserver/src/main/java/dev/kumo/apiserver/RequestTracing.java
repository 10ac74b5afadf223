package dev.kumo.apiserver;

import java.util.Map;

/**
 * Where the API server's requests are traced: {@link #begin} is called on the thread that answers the request, before
 * it is answered, and the returned span's {@link Span#ended} on that thread once the answer's head is known — so an
 * implementation may make its span current meanwhile (writes to the store then know their cause). A watch or a
 * log follow ends its span at the response head (200): the stream itself is not timed. Scrapes, probes and
 * {@code /debug/traces} are not traced (they would push the requests' traces out of the recent ones).
 */
@FunctionalInterface
public interface RequestTracing {

    /** Traces nothing. */
    RequestTracing NONE = request -> Span.NONE;

    /** A request is about to be answered. */
    Span begin(Traced request);

    /**
     * A request as traced.
     *
     * @param method the HTTP method
     * @param route the path as a template, kube-apiserver-like: {@code /apis/serving.knative.dev/v1/namespaces/
     *     {namespace}/services/{name}}; a path that names no served kind, its first three segments at most
     * @param path the path as asked
     * @param labels the request's verb, group, version, resource, subresource and scope ({@link RequestMetrics})
     * @param namespace the object's namespace, {@code ""} when the path names none
     * @param name the object's name, {@code ""} when the path names none
     * @param headers the request's headers, names in lower case (a client's {@code traceparent} among them)
     */
    record Traced(String method, String route, String path, RequestMetrics.Request labels, String namespace,
            String name, Map<String, String> headers) {
    }

    /** One request's span. */
    @FunctionalInterface
    interface Span {

        Span NONE = status -> { };

        /** The request was answered {@code status} (a stream: 200 at its head). */
        void ended(int status);
    }
}
