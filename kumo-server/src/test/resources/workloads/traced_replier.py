"""The tracing ITs' workload: answers every CloudEvent POSTed to it (binary mode) with a reply event, on 127.0.0.1:$PORT.

  POST any path   records the W3C traceparent header it got and replies 200 with a CloudEvent
                  (id reply-<id>, type dev.kumo.reply), not copying any trace context into the reply
  GET /received   what it recorded, as a JSON list of {"id", "traceparent"}
"""
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
received = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        event_id = self.headers.get("ce-id")
        with lock:
            received.append({"id": event_id, "traceparent": self.headers.get("traceparent")})
        payload = ("reply to " + str(event_id)).encode("utf-8")
        self.send_response(200)
        self.send_header("ce-specversion", "1.0")
        self.send_header("ce-id", "reply-" + str(event_id))
        self.send_header("ce-type", "dev.kumo.reply")
        self.send_header("ce-source", "/traced-replier")
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self):
        with lock:
            payload = json.dumps(received).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler).serve_forever()
