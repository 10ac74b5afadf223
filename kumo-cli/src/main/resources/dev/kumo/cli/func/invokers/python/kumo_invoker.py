"""Kumo's invoker for a Python function: serves func.handle() on $PORT with the standard library only.

Usage: python3 kumo_invoker.py http|cloudevents NAME
An http function gets a dict (method, path, query, headers, body) and returns a str, bytes or a dict
(status, headers, body). A cloudevents function gets the event as a dict of its attributes and data (binary or
structured mode in) and returns an event dict, or None for no reply; the reply goes out in binary mode.
"""
import base64
import http.server
import json
import os
import sys
import traceback
import uuid

import func

TEMPLATE = sys.argv[1] if len(sys.argv) > 1 else "http"
NAME = sys.argv[2] if len(sys.argv) > 2 else "function"
CORE = ("specversion", "id", "source", "type", "datacontenttype", "dataschema", "subject", "time")


def event_in(headers, body):
    content_type = headers.get("Content-Type", "")
    if content_type.startswith("application/cloudevents+json"):
        event = json.loads(body or b"{}")
        if "data_base64" in event:
            event["data"] = base64.b64decode(event.pop("data_base64"))
        return event
    event = {k[3:].lower(): v for k, v in headers.items() if k.lower().startswith("ce-")}
    if content_type:
        event["datacontenttype"] = content_type
    event["data"] = data_in(content_type, body)
    return event


def data_in(content_type, body):
    if not body:
        return None
    if "json" in content_type:
        return json.loads(body)
    if content_type.startswith("text/") or not content_type:
        return body.decode("utf-8")
    return body


def event_out(event):
    event = dict(event)
    event.setdefault("specversion", "1.0")
    event.setdefault("id", str(uuid.uuid4()))
    event.setdefault("source", "/kumo/func/" + NAME)
    data = event.pop("data", None)
    content_type = event.pop("datacontenttype", None)
    if isinstance(data, (dict, list)):
        body, content_type = json.dumps(data).encode(), content_type or "application/json"
    elif isinstance(data, str):
        body, content_type = data.encode(), content_type or "text/plain"
    else:
        body = data or b""
    headers = {"ce-" + k: str(v) for k, v in event.items()}
    if content_type:
        headers["Content-Type"] = content_type
    return 200, headers, body


def http_out(result):
    if isinstance(result, dict):
        status, headers, body = result.get("status", 200), result.get("headers", {}), result.get("body", "")
    else:
        status, headers, body = 200, {}, result
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
        headers = {"Content-Type": "application/json", **headers}
    if isinstance(body, str):
        body = body.encode()
        headers = {"Content-Type": "text/plain; charset=utf-8", **headers}
    return status, headers, body or b""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        try:
            if TEMPLATE == "cloudevents":
                reply = func.handle(event_in(self.headers, body))
                status, headers, out = (202, {}, b"") if reply is None else event_out(reply)
            else:
                path, _, query = self.path.partition("?")
                request = {"method": self.command, "path": path, "query": query,
                           "headers": dict(self.headers.items()), "body": body.decode("utf-8", "replace")}
                status, headers, out = http_out(func.handle(request))
        except Exception:
            traceback.print_exc()
            status, headers, out = 500, {"Content-Type": "text/plain"}, b"function failed\n"
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = answer

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8080"))
    server = http.server.ThreadingHTTPServer((os.environ.get("KUMO_LISTEN_HOST", "127.0.0.1"), port), Handler)
    print(NAME + " (" + TEMPLATE + ") listening on " + str(port), flush=True)
    server.serve_forever()
