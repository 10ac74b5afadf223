"""A CloudEvents function: Kumo's invoker calls handle() with each event and sends back the event it returns."""


def handle(event):
    """Answers each event with a dev.kumo.func.response event carrying the same data.

    event: a dict of the CloudEvent's attributes (specversion, id, source, type, ...) and its data.
    Returns an event dict (id, source and specversion are filled in when missing), or None for no reply.
    """
    return {"type": "dev.kumo.func.response", "datacontenttype": event.get("datacontenttype", "application/json"),
            "data": event.get("data")}
