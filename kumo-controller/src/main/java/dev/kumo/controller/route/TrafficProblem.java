package dev.kumo.controller.route;

/**
 * Why a Route's traffic cannot be assigned yet: {@code failed} problems make AllTrafficAssigned False, the others
 * (waiting for a Revision to become ready) leave it Unknown. Messages follow Knative's.
 */
record TrafficProblem(boolean failed, String reason, String message) {

    static final String REVISION_MISSING = "RevisionMissing";

    static TrafficProblem missing(String kind, String name) {
        return new TrafficProblem(true, kind + "Missing", kind + " \"" + name + "\" referenced in traffic not found.");
    }

    static TrafficProblem configurationNotReady(String name) {
        return new TrafficProblem(false, REVISION_MISSING,
                "Configuration \"" + name + "\" is waiting for a Revision to become ready.");
    }

    static TrafficProblem configurationFailed(String name) {
        return new TrafficProblem(true, REVISION_MISSING,
                "Configuration \"" + name + "\" does not have any ready Revision.");
    }

    static TrafficProblem revisionNotReady(String name) {
        return new TrafficProblem(false, REVISION_MISSING, "Revision \"" + name + "\" is not yet ready.");
    }

    static TrafficProblem revisionFailed(String name) {
        return new TrafficProblem(true, REVISION_MISSING, "Revision \"" + name + "\" failed to become ready.");
    }
}
