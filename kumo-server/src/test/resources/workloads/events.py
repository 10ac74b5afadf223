"""The eventing ITs' subscriber workload: records every CloudEvent POSTed to it (binary mode) on 127.0.0.1:$PORT.

  POST any path   records {"id", "type", "source", "path", "data"} and answers 202
  GET /events     the events recorded so far, as a JSON list
"""
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
events = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        data = self.rfile.read(length).decode("utf-8", "replace")
        with lock:
            events.append({"id": self.headers.get("ce-id"), "type": self.headers.get("ce-type"),
                           "source": self.headers.get("ce-source"), "path": self.path, "data": data})
        self.send(202, "")

    def do_GET(self):
        with lock:
            body = json.dumps(events)
        self.send(200, body)

    def send(self, status, body):
        payload = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler).serve_forever()
