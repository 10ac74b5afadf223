package dev.kumo.controller.parallel.resources;

/**
 * The names Knative gives a Parallel's children: ingress channel {@code <p>-kn-parallel}, branch channel and
 * subscriber Subscription {@code <p>-kn-parallel-<i>}, filter Subscription {@code <p>-kn-parallel-filter-<i>}.
 */
public final class ParallelNames {

    private ParallelNames() {
    }

    public static String ingressChannel(String parallel) {
        return parallel + "-kn-parallel";
    }

    public static String branchChannel(String parallel, int branch) {
        return parallel + "-kn-parallel-" + branch;
    }

    public static String filterSubscription(String parallel, int branch) {
        return parallel + "-kn-parallel-filter-" + branch;
    }

    public static String subscriberSubscription(String parallel, int branch) {
        return parallel + "-kn-parallel-" + branch;
    }
}
