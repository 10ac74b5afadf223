"""An HTTP function: Kumo's invoker calls handle() with each request and sends back what it returns."""


def handle(request):
    """Echoes the request body, or greets the world when there is none.

    request: a dict with method, path, query, headers and body (text).
    Returns a str (200, text/plain) or a dict with status, headers and body.
    """
    body = request.get("body") or "Hello, world!\n"
    content_type = request.get("headers", {}).get("Content-Type", "text/plain")
    return {"status": 200, "headers": {"Content-Type": content_type}, "body": body}
