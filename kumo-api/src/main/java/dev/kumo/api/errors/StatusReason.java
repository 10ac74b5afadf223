package dev.kumo.api.errors;

/** The Kubernetes {@code Status.reason} values Kumo answers with, each with its HTTP code. */
public enum StatusReason {
    BadRequest(400),
    Unauthorized(401),
    Forbidden(403),
    NotFound(404),
    MethodNotAllowed(405),
    NotAcceptable(406),
    AlreadyExists(409),
    Conflict(409),
    Gone(410),
    Expired(410),
    RequestEntityTooLarge(413),
    UnsupportedMediaType(415),
    Invalid(422),
    Timeout(504),
    InternalError(500),
    ServiceUnavailable(503),
    /** Not one of Kubernetes' reasons: the disk under the data directory is full (WebDAV's 507, RFC 4918 §11.5). */
    InsufficientStorage(507);

    private final int code;

    StatusReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
